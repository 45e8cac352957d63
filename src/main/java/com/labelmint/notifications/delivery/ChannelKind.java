package com.labelmint.notifications.delivery;

import com.labelmint.platform.error.ProblemException;
import java.util.Locale;

/** The ways a notification reaches a person. Preferences name every kind, whether or not its channel is deployed. */
public enum ChannelKind {
    IN_APP, EMAIL, TELEGRAM;

    /** The name in JSON and in the database: {@code in-app}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static ChannelKind fromWireName(String name) {
        for (ChannelKind kind : values()) {
            if (kind.wireName().equals(name)) {
                return kind;
            }
        }
        throw ProblemException.badRequest("unknown-channel", "There is no notification channel '" + name + "': in-app, email or telegram");
    }
}
