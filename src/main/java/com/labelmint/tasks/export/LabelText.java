package com.labelmint.tasks.export;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A label as one spreadsheet cell: the chosen option, the rating, the text, the chosen options joined by
 * {@code |}, or the boxes as JSON (they have no flat form).
 */
final class LabelText {

    private LabelText() {
    }

    static String of(JsonNode label) {
        if (label == null || label.isNull()) {
            return "";
        }
        if (label.has("value")) {
            return label.get("value").asText();
        }
        if (label.has("rating")) {
            return label.get("rating").asText();
        }
        if (label.has("text")) {
            return label.get("text").asText();
        }
        if (label.has("values")) {
            List<String> values = new ArrayList<>();
            label.get("values").forEach(value -> values.add(value.asText()));
            return String.join("|", values);
        }
        return label.toString();
    }
}
