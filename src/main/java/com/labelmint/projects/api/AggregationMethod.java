package com.labelmint.projects.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How consensus turns a project's answers into labels: majority vote, quality-weighted vote, or Dawid–Skene. */
public enum AggregationMethod {
    MV, WMV, DS;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static AggregationMethod fromWireName(String name) {
        for (AggregationMethod method : values()) {
            if (method.wireName().equals(name)) {
                return method;
            }
        }
        throw new IllegalArgumentException("Unknown aggregation method '" + name + "': expected mv, wmv or ds");
    }
}
