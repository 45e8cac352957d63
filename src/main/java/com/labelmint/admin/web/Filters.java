package com.labelmint.admin.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The filters a list page was asked for: shown back in its form and carried into the link to the next page. */
public final class Filters {

    private final Map<String, String> values = new LinkedHashMap<>();

    public Filters with(String name, String value) {
        if (value != null && !value.isBlank()) {
            values.put(name, value.trim());
        }
        return this;
    }

    /** The value asked for, or empty: what the form shows. */
    public String get(String name) {
        return values.getOrDefault(name, "");
    }

    public boolean is(String name, String value) {
        return value.equals(values.get(name));
    }

    /** The link to the page after {@code cursor} ({@code cursorName}: how the list names it), or null on the last page. */
    public String nextPage(String path, String cursorName, String cursor) {
        if (cursor == null) {
            return null;
        }
        Map<String, String> query = new LinkedHashMap<>(values);
        query.put(cursorName, cursor);
        return path + "?" + query.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
