package com.labelmint.projects.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Who works on a project besides its owner: co-owners (manage it as the owner does), reviewers, and
 * the labelers allowed in when access is {@link LabelerAccess#ALLOW_LIST}.
 */
public record ProjectMembers(Set<UUID> coOwners, Set<UUID> reviewers, LabelerAccess labelerAccess, Set<UUID> allowedLabelers) {

    public enum LabelerAccess {
        OPEN, ALLOW_LIST;

        @JsonValue
        public String wireName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        @JsonCreator
        public static LabelerAccess fromWireName(String name) {
            for (LabelerAccess access : values()) {
                if (access.wireName().equals(name)) {
                    return access;
                }
            }
            throw new IllegalArgumentException("Unknown labeler access '" + name + "': expected open or allow-list");
        }
    }

    public boolean admitsLabeler(UUID labelerId) {
        return labelerAccess == LabelerAccess.OPEN || allowedLabelers.contains(labelerId);
    }
}
