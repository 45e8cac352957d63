package com.labelmint.tasks.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The line errors of one job: every error is counted, but only the first {@code capacity} by line number are
 * kept, so a file of a million bad lines costs a bounded report (errors arrive out of order: duplicates are
 * found after the lines they come before).
 */
final class LineErrors {

    private static final int LONGEST_REASON = 500;

    private final int capacity;
    private final TreeMap<Integer, String> kept = new TreeMap<>();
    private long count;

    LineErrors(int capacity) {
        this.capacity = capacity;
    }

    void add(int line, String reason) {
        count++;
        if (capacity == 0 || kept.size() == capacity && line > kept.lastKey()) {
            return;
        }
        kept.put(line, reason.length() <= LONGEST_REASON ? reason : reason.substring(0, LONGEST_REASON - 1) + "…");
        if (kept.size() > capacity) {
            kept.pollLastEntry();
        }
    }

    long count() {
        return count;
    }

    List<LineError> kept() {
        List<LineError> errors = new ArrayList<>(kept.size());
        for (Map.Entry<Integer, String> error : kept.entrySet()) {
            errors.add(new LineError(error.getKey(), error.getValue()));
        }
        return errors;
    }
}
