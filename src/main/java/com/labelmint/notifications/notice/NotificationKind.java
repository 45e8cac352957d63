package com.labelmint.notifications.notice;

import com.labelmint.platform.error.ProblemException;
import java.util.Locale;

/**
 * What a notification is about. Each kind has its templates ({@code templates/notifications/<kind>/<language>.txt|html})
 * and a preference per channel. A kind that {@link #matters()} is about someone's money or a decision over their work:
 * quiet hours never hold back its in-app notice, and its in-app channel cannot be switched off.
 */
public enum NotificationKind {
    TASK_AVAILABLE(false),
    ANSWER_ACCEPTED(false),
    ANSWER_REJECTED(false),
    REWARD_PAID(true),
    DEPOSIT_CREDITED(true),
    PROJECT_FUNDED(false),
    ESCROW_RETURNED(true),
    WITHDRAWAL_REQUESTED(true),
    WITHDRAWAL_SENT(true),
    WITHDRAWAL_FAILED(true),
    DISPUTE_OPENED(false),
    DISPUTE_RESOLVED(true),
    PROJECT_COMPLETED(false),
    PROJECT_STATUS_CHANGED(false),
    BUDGET_LOW(true);

    private final boolean matters;

    NotificationKind(boolean matters) {
        this.matters = matters;
    }

    public boolean matters() {
        return matters;
    }

    /** The name in JSON, in the database and in template paths: {@code reward-paid}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** A kind named by a client; anything else is their mistake, answered with a 400. */
    public static NotificationKind fromWireName(String name) {
        for (NotificationKind kind : values()) {
            if (kind.wireName().equals(name)) {
                return kind;
            }
        }
        throw ProblemException.badRequest("unknown-notification-kind", "There is no notification kind '" + name + "'");
    }
}
