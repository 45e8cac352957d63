package com.labelmint.users.profile;

import com.labelmint.platform.error.ProblemException;
import com.labelmint.users.account.Account;
import com.labelmint.users.api.AccountView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** A person's own profile: name, language, time zone and skills. */
@ApplicationScoped
public class ProfileService {

    static final Set<String> LANGUAGES = Set.of("en", "ru");

    private final Clock clock;

    ProfileService(Clock clock) {
        this.clock = clock;
    }

    public record SkillLevel(String tag, int level) {
    }

    @Transactional
    public AccountView update(UUID accountId, String displayName, String language, String timezone) {
        Account account = Account.<Account>findByIdOptional(accountId).orElseThrow(() -> ProblemException.notFound("The account"));
        if (displayName != null) {
            account.displayName = displayName.trim();
        }
        if (language != null) {
            if (!LANGUAGES.contains(language)) {
                throw ProblemException.badRequest("unsupported-language", "LabelMint speaks " + String.join(", ", LANGUAGES.stream().sorted().toList()));
            }
            account.language = language;
        }
        if (timezone != null) {
            account.timezone = validZone(timezone);
        }
        return account.view(clock.instant());
    }

    @Transactional
    public List<SkillLevel> replaceSkills(UUID accountId, Map<String, Integer> levels) {
        Skill.delete("accountId", accountId);
        levels.forEach((tag, level) -> {
            Skill skill = new Skill();
            skill.accountId = accountId;
            skill.tag = tag;
            skill.level = level;
            skill.persist();
        });
        return skills(accountId);
    }

    public List<SkillLevel> skills(UUID accountId) {
        return Skill.<Skill>list("accountId", accountId).stream()
                .map(skill -> new SkillLevel(skill.tag, skill.level))
                .sorted(Comparator.comparing(SkillLevel::tag))
                .toList();
    }

    private static String validZone(String timezone) {
        try {
            return ZoneId.of(timezone).getId();
        } catch (DateTimeException e) {
            throw ProblemException.badRequest("unknown-timezone", "Not an IANA time zone: " + timezone);
        }
    }
}
