package com.labelmint.notifications.notice;

import java.util.LinkedHashMap;
import java.util.Map;

/** Template parameters written as name, value, name, value…; values may be null (a dispute without a note). */
public final class Params {

    private Params() {
    }

    public static Map<String, Object> of(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("Parameters come in name and value pairs");
        }
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            params.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return params;
    }
}
