package com.labelmint.platform.paging;

import com.labelmint.platform.error.ProblemException;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a list read by keyset (never by offset, which gets slower and skips rows as the list moves).
 *
 * @param next the cursor that reads the page after this one, or {@code null} on the last page
 */
public record Page<T>(List<T> items, String next) {

    /**
     * Builds a page from a query that fetched one row more than the page size: that extra row only says
     * whether another page exists, and the last row kept gives the cursor.
     */
    public static <T> Page<T> fromOneExtra(List<T> fetched, int limit, Function<T, String> cursorOf) {
        if (fetched.size() <= limit) {
            return new Page<>(List.copyOf(fetched), null);
        }
        List<T> items = List.copyOf(fetched.subList(0, limit));
        return new Page<>(items, cursorOf.apply(items.get(limit - 1)));
    }

    /** Reads a cursor made from a numeric key; anything else is the client's mistake, not a 500. */
    public static Long numericCursor(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            return Long.valueOf(cursor);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("bad-cursor", "Not a cursor this list gave out: " + cursor);
        }
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), next);
    }
}
