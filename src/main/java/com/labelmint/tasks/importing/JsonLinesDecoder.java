package com.labelmint.tasks.importing;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A JSON line: {@code {"id": "<external id>", "data": {...}, "gold": {<known answer>}}}, id and gold optional.
 * Read with a streaming parser, so that data and gold are both a tree (to validate) and the slice of the line they
 * came from (to store without writing them out again).
 */
final class JsonLinesDecoder implements ItemDecoder {

    private static final Set<String> KEYS = Set.of("id", "data", "gold");

    // held directly, not through the ImportJson bean: its client proxy would be looked up on every value of every line
    private final ObjectReader values;

    JsonLinesDecoder(ImportJson json) {
        this.values = json.valuesWithin();
    }

    @Override
    public Item decode(RawRecord record) throws LineRejected {
        String id = null;
        JsonNode data = null;
        JsonNode gold = null;
        JsonText dataText = null;
        JsonText goldText = null;
        List<String> problems = new ArrayList<>();
        try (JsonParser line = values.createParser(record.bytes(), 0, record.length())) {
            if (line.nextToken() != JsonToken.START_OBJECT) {
                throw new LineRejected("a line is a JSON object: {\"data\": {...}}, with \"id\" and \"gold\" if needed");
            }
            Set<String> seen = new HashSet<>();
            while (line.nextToken() == JsonToken.FIELD_NAME) {
                String key = line.currentName();
                boolean repeated = !seen.add(key);
                if (line.nextToken() == JsonToken.VALUE_STRING && key.equals("id") && !repeated) {
                    id = line.getText(); // the usual id needs no tree, nor its slice of the line
                    continue;
                }
                int start = (int) line.currentTokenLocation().getByteOffset();
                JsonNode value = values.readTree(line);
                JsonText text = new JsonText(record.bytes(), start, (int) line.currentLocation().getByteOffset() - start);
                if (repeated) {
                    problems.add("'" + Reasons.shorten(key) + "' appears twice");
                } else if (key.equals("data")) {
                    data = value;
                    dataText = text;
                } else if (key.equals("gold") && !value.isNull()) {
                    gold = value;
                    goldText = text;
                } else if (key.equals("id") && !value.isNull()) {
                    id = value.isTextual() ? value.textValue() : null;
                    if (id == null) {
                        problems.add("'id' must be a string");
                    }
                } else if (!KEYS.contains(key)) {
                    problems.add("'" + Reasons.shorten(key) + "' is not a key of a line: a line has data, and may have id and gold");
                }
            }
            if (line.nextToken() != null) {
                throw new LineRejected("not valid JSON: a line holds one object and nothing after it");
            }
        } catch (JsonProcessingException e) {
            String column = e.getLocation() == null ? "" : " at column " + e.getLocation().getColumnNr();
            throw new LineRejected("not valid JSON" + column + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new LineRejected("not valid JSON: " + e.getMessage());
        }
        if (!problems.isEmpty()) {
            throw new LineRejected(String.join("; ", problems));
        }
        return new Item(id, data, dataText, gold, goldText);
    }
}
