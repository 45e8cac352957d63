package com.labelmint.projects.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What a project does with a labeler consensus flags as unreliable (too fast, constant answers, failed gold items):
 * warn them only; exclude them from the project, their pending answers no longer counting; or exclude them and ask
 * an admin to ban them.
 */
public enum FraudAction {
    WARN, EXCLUDE, REQUEST_BAN;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the labeler stops working on the project (and their pending answers stop counting). */
    public boolean excludes() {
        return this != WARN;
    }

    @JsonCreator
    public static FraudAction fromWireName(String name) {
        for (FraudAction action : values()) {
            if (action.wireName().equals(name)) {
                return action;
            }
        }
        throw new IllegalArgumentException("Unknown fraud action '" + name + "': expected warn, exclude or request_ban");
    }
}
