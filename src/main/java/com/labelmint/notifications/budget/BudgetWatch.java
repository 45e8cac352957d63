package com.labelmint.notifications.budget;

import com.labelmint.notifications.NotificationsConfig;
import com.labelmint.notifications.notice.NewNotification;
import com.labelmint.notifications.notice.NotificationKind;
import com.labelmint.notifications.notice.Notifier;
import com.labelmint.notifications.notice.Params;
import com.labelmint.notifications.webhook.WebhookEventType;
import com.labelmint.notifications.webhook.WebhookQueue;
import com.labelmint.payments.api.PaymentsApi;
import com.labelmint.payments.api.ProjectFunded;
import com.labelmint.payments.api.RewardPaid;
import com.labelmint.platform.events.DomainEvent;
import com.labelmint.platform.money.Money;
import com.labelmint.projects.api.ProjectView;
import com.labelmint.projects.api.ProjectsApi;
import com.labelmint.tasks.api.AnswerSubmitted;
import com.labelmint.tasks.api.ItemsImported;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Tells a client when their project's budget runs low: after each paid reward (and each funding) the escrow's
 * available money is compared with what the remaining answers will cost — (items imported × overlap − answers
 * submitted) × reward per answer, counted here from the events. Below the configured share the client is told
 * (notification and {@code budget.low} webhook) once; the flag clears when the budget is back above, so the next
 * crossing is told again.
 */
@ApplicationScoped
class BudgetWatch {

    private static final String COUNT = """
            INSERT INTO notifications.project_budget AS budget (project_id, items, answers) VALUES (?, ?, ?)
            ON CONFLICT (project_id) DO UPDATE SET items = budget.items + excluded.items, answers = budget.answers + excluded.answers""";
    private static final String LOCK = "SELECT items, answers, low FROM notifications.project_budget WHERE project_id = ? FOR UPDATE";
    private static final String FLAG = "UPDATE notifications.project_budget SET low = ? WHERE project_id = ?";

    private final DataSource dataSource;
    private final ProjectsApi projects;
    private final PaymentsApi payments;
    private final Notifier notifier;
    private final WebhookQueue webhooks;
    private final double threshold;

    BudgetWatch(DataSource dataSource, ProjectsApi projects, PaymentsApi payments, Notifier notifier, WebhookQueue webhooks,
                NotificationsConfig config) {
        this.dataSource = dataSource;
        this.projects = projects;
        this.payments = payments;
        this.notifier = notifier;
        this.webhooks = webhooks;
        this.threshold = config.budgetLow().threshold();
    }

    void on(@Observes ItemsImported imported) throws SQLException {
        count(imported.projectId(), imported.items(), 0);
    }

    void on(@Observes AnswerSubmitted submitted) throws SQLException {
        count(submitted.projectId(), 0, 1);
    }

    void on(@Observes RewardPaid paid) throws SQLException {
        check(paid.projectId(), paid);
    }

    /** A funding may lift the budget back above the threshold: the next fall is told again. */
    void on(@Observes ProjectFunded funded) throws SQLException {
        check(funded.projectId(), funded);
    }

    private void count(UUID projectId, long items, long answers) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement count = connection.prepareStatement(COUNT)) {
            count.setObject(1, projectId);
            count.setLong(2, items);
            count.setLong(3, answers);
            count.executeUpdate();
        }
    }

    private void check(UUID projectId, DomainEvent cause) throws SQLException {
        Optional<ProjectView> found = projects.find(projectId);
        if (found.isEmpty()) {
            return;
        }
        ProjectView project = found.get();
        Money reward = project.settings().rewardPerAnswer();
        count(projectId, 0, 0);
        try (Connection connection = dataSource.getConnection(); PreparedStatement lock = connection.prepareStatement(LOCK)) {
            lock.setObject(1, projectId);
            try (ResultSet row = lock.executeQuery()) {
                row.next();
                long remainingAnswers = Math.max(0, row.getLong(1) * project.settings().overlap() - row.getLong(2));
                long remainingCost = Math.multiplyExact(remainingAnswers, reward.units());
                Money available = payments.escrowAvailable(projectId, reward.currency());
                boolean low = remainingCost > 0 && available.units() < threshold * remainingCost;
                if (low != row.getBoolean(3)) {
                    flag(connection, projectId, low);
                    if (low) {
                        tell(project, cause, available, Money.ofUnits(remainingCost, reward.currency()), remainingAnswers);
                    }
                }
            }
        }
    }

    private void tell(ProjectView project, DomainEvent cause, Money available, Money remainingCost, long remainingAnswers)
            throws SQLException {
        notifier.notify(NewNotification.fromEvent(cause.eventId(), project.ownerId(), NotificationKind.BUDGET_LOW,
                Params.of("project", project.name(), "available", available.toString(), "needed", remainingCost.toString(),
                        "answers", remainingAnswers)));
        webhooks.enqueue(project.id(), WebhookEventType.BUDGET_LOW, cause.eventId(), cause.occurredAt(), webhooks.data()
                .put("available", available.amount()).put("needed", remainingCost.amount())
                .put("currency", available.currency().name()).put("remainingAnswers", remainingAnswers));
    }

    private static void flag(Connection connection, UUID projectId, boolean low) throws SQLException {
        try (PreparedStatement flag = connection.prepareStatement(FLAG)) {
            flag.setBoolean(1, low);
            flag.setObject(2, projectId);
            flag.executeUpdate();
        }
    }
}
