package com.labelmint.admin.web;

import com.labelmint.platform.error.ProblemException;
import com.labelmint.users.api.Role;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** Reads what a form or filter sent; anything malformed is a 400 naming the field, never a 500. */
public final class FormValues {

    private FormValues() {
    }

    public static String required(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest("missing-field", "Fill in " + field);
        }
        return bounded(field, value, maxLength);
    }

    /** The trimmed value, or null when empty; too long is refused. */
    public static String bounded(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        if (trimmed.length() > maxLength) {
            throw ProblemException.badRequest("field-too-long", field + " takes at most " + maxLength + " characters");
        }
        return trimmed;
    }

    /** An id typed into a filter, or null when empty; {@code what} says what the id names, for the 400. */
    public static UUID id(String field, String value, String what) {
        String trimmed = bounded(field, value, 36);
        if (trimmed == null) {
            return null;
        }
        try {
            return UUID.fromString(trimmed);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("bad-filter", field + " is " + what + ", not '" + trimmed + "'");
        }
    }

    public static Role role(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Role.fromWireName(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("unknown-role", e.getMessage());
        }
    }

    /** {@code yes}, {@code no} or nothing. */
    public static Boolean yesNo(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!value.equals("yes") && !value.equals("no")) {
            throw ProblemException.badRequest("bad-filter", field + " is yes or no, not '" + value + "'");
        }
        return value.equals("yes");
    }

    /** The end of a day written as YYYY-MM-DD (a date input's value), in UTC. */
    public static Instant endOfDay(String field, String value) {
        try {
            return LocalDate.parse(required(field, value, 40)).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("bad-date", field + " is a date written as YYYY-MM-DD, not '" + value + "'");
        }
    }
}
