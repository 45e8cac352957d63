package com.labelmint.notifications.notice;

import com.labelmint.notifications.delivery.ChannelKind;
import com.labelmint.platform.error.ProblemException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a notification is about. Each kind has its templates ({@code templates/notifications/<kind>/<language>.txt|html})
 * and a preference per channel. A kind that {@link #matters()} is about someone's money or a decision over their work:
 * quiet hours never hold back its in-app notice, and its in-app channel cannot be switched off. Which channels are on
 * until the person chooses is {@link #onByDefault}.
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

    /**
     * One notice per answer: a labeler at work gets hundreds an hour (bench/load mailed 27 767 "accepted" e-mails in
     * seven minutes). By e-mail or in the chat they would bury everything else, so they start in the in-app list only.
     */
    private static final Set<NotificationKind> PER_ANSWER = EnumSet.of(ANSWER_ACCEPTED, ANSWER_REJECTED, REWARD_PAID);

    private final boolean matters;

    NotificationKind(boolean matters) {
        this.matters = matters;
    }

    public boolean matters() {
        return matters;
    }

    /** Whether the channel carries this kind for someone who has not chosen: all of them, but see {@link #PER_ANSWER}. */
    public boolean onByDefault(ChannelKind channel) {
        return channel == ChannelKind.IN_APP || !PER_ANSWER.contains(this);
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
