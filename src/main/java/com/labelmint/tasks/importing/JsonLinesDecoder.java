package com.labelmint.tasks.importing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** A JSON line: {@code {"id": "<external id>", "data": {...}, "gold": {<known answer>}}}, id and gold optional. */
final class JsonLinesDecoder implements ItemDecoder {

    private static final Set<String> KEYS = Set.of("id", "data", "gold");

    private final ImportJson json;

    JsonLinesDecoder(ImportJson json) {
        this.json = json;
    }

    @Override
    public Item decode(RawRecord record) throws LineRejected {
        JsonNode line = parse(record);
        if (!line.isObject()) {
            throw new LineRejected("a line is a JSON object: {\"data\": {...}}, with \"id\" and \"gold\" if needed");
        }
        List<String> problems = new ArrayList<>();
        for (Iterator<String> keys = line.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!KEYS.contains(key)) {
                problems.add("'" + Reasons.shorten(key) + "' is not a key of a line: a line has data, and may have id and gold");
            }
        }
        JsonNode id = present(line.get("id"));
        if (id != null && !id.isTextual()) {
            problems.add("'id' must be a string");
        }
        if (!problems.isEmpty()) {
            throw new LineRejected(String.join("; ", problems));
        }
        return new Item(id == null ? null : id.textValue(), line.get("data"), present(line.get("gold")));
    }

    private JsonNode parse(RawRecord record) throws LineRejected {
        try {
            JsonNode line = json.values().readTree(record.bytes(), 0, record.length());
            if (line == null || line.isMissingNode()) {
                throw new LineRejected("not valid JSON: the line is empty");
            }
            return line;
        } catch (JsonProcessingException e) {
            String column = e.getLocation() == null ? "" : " at column " + e.getLocation().getColumnNr();
            throw new LineRejected("not valid JSON" + column + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new LineRejected("not valid JSON: " + e.getMessage());
        }
    }

    private static JsonNode present(JsonNode value) {
        return value == null || value.isNull() ? null : value;
    }
}
