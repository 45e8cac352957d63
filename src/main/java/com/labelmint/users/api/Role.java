package com.labelmint.users.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a person may do on LabelMint; one person may hold several roles. */
public enum Role {
    CLIENT, LABELER, REVIEWER, ADMIN;

    /** The name in JSON and in a token's {@code groups}: lower case. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Role fromWireName(String name) {
        for (Role role : values()) {
            if (role.wireName().equals(name)) {
                return role;
            }
        }
        throw new IllegalArgumentException("Unknown role '" + name + "': expected client, labeler, reviewer or admin");
    }
}
