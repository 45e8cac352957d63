package com.labelmint.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The authorisation matrix as docs/authorization.md writes it: one row per endpoint, one column per caller. */
record AuthorizationMatrix(List<Row> rows) {

    static final List<String> CALLERS = List.of("anonymous", "client", "labeler", "reviewer", "admin");
    private static final Pattern ROW = Pattern.compile("^\\| `(GET|POST|PUT|PATCH|DELETE) (/[^`]*)` \\|(.*)$");

    /** What one caller may expect: {@code allowed}, or the status every request of theirs gets. */
    record Expectation(boolean allowed, int deniedStatus) {
    }

    record Row(String method, String path, Map<String, Expectation> byCaller) {

        String endpoint() {
            return method + " " + path;
        }
    }

    static AuthorizationMatrix read(Path document) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(document)) {
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                rows.add(new Row(row.group(1), row.group(2), expectations(row.group(3), line)));
            }
        }
        return new AuthorizationMatrix(List.copyOf(rows));
    }

    private static Map<String, Expectation> expectations(String cells, String line) {
        String[] values = cells.split("\\|");
        if (values.length < CALLERS.size()) {
            throw new IllegalStateException("A matrix row needs a cell per caller " + CALLERS + ": " + line);
        }
        Map<String, Expectation> byCaller = new java.util.LinkedHashMap<>();
        for (int i = 0; i < CALLERS.size(); i++) {
            String cell = values[i].trim();
            byCaller.put(CALLERS.get(i), cell.equals("✔") ? new Expectation(true, 0) : new Expectation(false, Integer.parseInt(cell)));
        }
        return byCaller;
    }
}
