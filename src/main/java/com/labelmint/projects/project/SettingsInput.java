package com.labelmint.projects.project;

import com.labelmint.platform.money.Currency;
import com.labelmint.platform.money.Money;
import com.labelmint.projects.api.AggregationMethod;
import com.labelmint.projects.api.FraudAction;
import com.labelmint.projects.api.ProjectSettings;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Set;

/** Settings as a client sends them: every field optional, a missing one keeps what is there (or the default). */
public record SettingsInput(@Min(1) @Max(ProjectSettings.MOST_ANSWERS_PER_ITEM) Integer overlap,
                            @Min(1) @Max(ProjectSettings.MOST_ANSWERS_PER_ITEM) Integer maxOverlap,
                            Money rewardPerAnswer,
                            @Min(30) @Max(86_400) Integer leaseSeconds,
                            @DecimalMin("0") @DecimalMax("0.5") Double goldRate,
                            @Min(0) @Max(100) Integer priority,
                            Instant deadline,
                            @Size(max = 20) Set<@NotNull @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,39}") String> requiredSkills,
                            AggregationMethod aggregation,
                            @DecimalMin("0.5") @DecimalMax("1") Double acceptanceThreshold,
                            Boolean reviewRequired,
                            FraudAction fraudAction) {

    /** What a project starts with when its creator does not say. */
    static final ProjectSettings DEFAULTS = new ProjectSettings(3, 5, Money.ofUnits(0, Currency.USDT), 600, 0.1, 50, null,
            Set.of(), AggregationMethod.DS, 0.8, false, FraudAction.EXCLUDE);

    static final SettingsInput NONE = new SettingsInput(null, null, null, null, null, null, null, null, null, null, null, null);

    ProjectSettings over(ProjectSettings base) {
        int newOverlap = overlap != null ? overlap : base.overlap();
        int newMaxOverlap = maxOverlap != null ? maxOverlap : Math.max(newOverlap, base.maxOverlap());
        return new ProjectSettings(newOverlap, newMaxOverlap,
                rewardPerAnswer != null ? rewardPerAnswer : base.rewardPerAnswer(),
                leaseSeconds != null ? leaseSeconds : base.leaseSeconds(),
                goldRate != null ? goldRate : base.goldRate(),
                priority != null ? priority : base.priority(),
                deadline != null ? deadline : base.deadline(),
                requiredSkills != null ? Set.copyOf(requiredSkills) : base.requiredSkills(),
                aggregation != null ? aggregation : base.aggregation(),
                acceptanceThreshold != null ? acceptanceThreshold : base.acceptanceThreshold(),
                reviewRequired != null ? reviewRequired : base.reviewRequired(),
                fraudAction != null ? fraudAction : base.fraudAction());
    }

    /** Whether the answer terms labelers work under (overlap, reward) are touched. */
    boolean changesTerms(ProjectSettings current) {
        return overlap != null && overlap != current.overlap()
                || rewardPerAnswer != null && !rewardPerAnswer.equals(current.rewardPerAnswer());
    }
}
