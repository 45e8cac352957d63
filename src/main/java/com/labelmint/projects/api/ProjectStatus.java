package com.labelmint.projects.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Where a project is in its life. Only {@link #ACTIVE} projects hand out tasks. The allowed moves:
 * draft → active | archived; active ⇄ paused; active | paused → completed; completed → archived.
 */
public enum ProjectStatus {
    DRAFT, ACTIVE, PAUSED, COMPLETED, ARCHIVED;

    public Set<ProjectStatus> next() {
        switch (this) {
            case DRAFT:
                return EnumSet.of(ACTIVE, ARCHIVED);
            case ACTIVE:
                return EnumSet.of(PAUSED, COMPLETED);
            case PAUSED:
                return EnumSet.of(ACTIVE, COMPLETED);
            case COMPLETED:
                return EnumSet.of(ARCHIVED);
            default:
                return EnumSet.noneOf(ProjectStatus.class);
        }
    }

    public boolean canMoveTo(ProjectStatus target) {
        return next().contains(target);
    }

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ProjectStatus fromWireName(String name) {
        for (ProjectStatus status : values()) {
            if (status.wireName().equals(name)) {
                return status;
            }
        }
        throw new IllegalArgumentException("Unknown project status '" + name + "': expected draft, active, paused, completed or archived");
    }
}
