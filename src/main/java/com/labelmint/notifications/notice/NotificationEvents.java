package com.labelmint.notifications.notice;

import com.labelmint.consensus.api.AnswerAccepted;
import com.labelmint.consensus.api.AnswerRejected;
import com.labelmint.consensus.api.DisputeOpened;
import com.labelmint.consensus.api.DisputeResolved;
import com.labelmint.payments.api.DepositCredited;
import com.labelmint.payments.api.EscrowReturned;
import com.labelmint.payments.api.ProjectFunded;
import com.labelmint.payments.api.RewardPaid;
import com.labelmint.payments.api.WithdrawalCompleted;
import com.labelmint.payments.api.WithdrawalFailed;
import com.labelmint.payments.api.WithdrawalRequested;
import com.labelmint.projects.api.ProjectStatus;
import com.labelmint.projects.api.ProjectStatusChanged;
import com.labelmint.projects.api.ProjectView;
import com.labelmint.projects.api.ProjectsApi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Other modules' events that someone should hear about, each turned into one notification for the person it concerns.
 * A new kind of event is one more method here (and its kind's templates).
 */
@ApplicationScoped
class NotificationEvents {

    private final Notifier notifier;
    private final ProjectsApi projects;

    NotificationEvents(Notifier notifier, ProjectsApi projects) {
        this.notifier = notifier;
        this.projects = projects;
    }

    void on(@Observes AnswerAccepted accepted) throws SQLException {
        notifier.notify(NewNotification.fromEvent(accepted.eventId(), accepted.labelerId(), NotificationKind.ANSWER_ACCEPTED,
                Params.of("project", projectName(accepted.projectId()), "itemId", accepted.itemId(),
                        "reward", accepted.reward().toString())));
    }

    void on(@Observes AnswerRejected rejected) throws SQLException {
        notifier.notify(NewNotification.fromEvent(rejected.eventId(), rejected.labelerId(), NotificationKind.ANSWER_REJECTED,
                Params.of("project", projectName(rejected.projectId()), "itemId", rejected.itemId(), "reason", rejected.reason())));
    }

    void on(@Observes RewardPaid paid) throws SQLException {
        notifier.notify(NewNotification.fromEvent(paid.eventId(), paid.labelerId(), NotificationKind.REWARD_PAID,
                Params.of("project", projectName(paid.projectId()), "amount", paid.net().toString())));
    }

    void on(@Observes DepositCredited deposit) throws SQLException {
        notifier.notify(NewNotification.fromEvent(deposit.eventId(), deposit.userId(), NotificationKind.DEPOSIT_CREDITED,
                Params.of("amount", deposit.amount().toString())));
    }

    void on(@Observes WithdrawalRequested requested) throws SQLException {
        notifier.notify(NewNotification.fromEvent(requested.eventId(), requested.userId(), NotificationKind.WITHDRAWAL_REQUESTED,
                Params.of("amount", requested.amount().toString(), "address", requested.address())));
    }

    void on(@Observes WithdrawalCompleted completed) throws SQLException {
        notifier.notify(NewNotification.fromEvent(completed.eventId(), completed.userId(), NotificationKind.WITHDRAWAL_SENT,
                Params.of("amount", completed.amount().toString(), "address", completed.address())));
    }

    void on(@Observes WithdrawalFailed failed) throws SQLException {
        notifier.notify(NewNotification.fromEvent(failed.eventId(), failed.userId(), NotificationKind.WITHDRAWAL_FAILED,
                Params.of("amount", failed.amount().toString(), "reason", failed.reason())));
    }

    void on(@Observes ProjectFunded funded) throws SQLException {
        notifier.notify(NewNotification.fromEvent(funded.eventId(), funded.clientId(), NotificationKind.PROJECT_FUNDED,
                Params.of("project", projectName(funded.projectId()), "amount", funded.amount().toString(),
                        "available", funded.available().toString())));
    }

    void on(@Observes EscrowReturned returned) throws SQLException {
        notifier.notify(NewNotification.fromEvent(returned.eventId(), returned.clientId(), NotificationKind.ESCROW_RETURNED,
                Params.of("project", projectName(returned.projectId()), "amount", returned.amount().toString())));
    }

    void on(@Observes DisputeOpened opened) throws SQLException {
        notifier.notify(NewNotification.fromEvent(opened.eventId(), opened.openedBy(), NotificationKind.DISPUTE_OPENED,
                Params.of("project", projectName(opened.projectId()), "itemId", opened.itemId(), "disputeKind", opened.kind())));
    }

    void on(@Observes DisputeResolved resolved) throws SQLException {
        notifier.notify(NewNotification.fromEvent(resolved.eventId(), resolved.openedBy(), NotificationKind.DISPUTE_RESOLVED,
                Params.of("project", projectName(resolved.projectId()), "itemId", resolved.itemId(),
                        "disputeKind", resolved.kind(), "outcome", resolved.outcome(), "note", resolved.note())));
    }

    /** The owner hears that their project completed, and of any other move someone else made. */
    void on(@Observes ProjectStatusChanged changed) throws SQLException {
        String project = projectName(changed.projectId());
        if (changed.to() == ProjectStatus.COMPLETED) {
            notifier.notify(NewNotification.fromEvent(changed.eventId(), changed.ownerId(), NotificationKind.PROJECT_COMPLETED,
                    Params.of("project", project)));
        } else if (!changed.ownerId().equals(changed.changedBy())) {
            notifier.notify(NewNotification.fromEvent(changed.eventId(), changed.ownerId(), NotificationKind.PROJECT_STATUS_CHANGED,
                    Params.of("project", project, "from", changed.from().wireName(), "to", changed.to().wireName())));
        }
    }

    private String projectName(UUID projectId) {
        return projects.find(projectId).map(ProjectView::name).orElse(projectId.toString());
    }
}
