package com.labelmint.tasks.importing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.labelmint.projects.api.DataField;
import com.labelmint.projects.api.LabelSchema;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A CSV record, read against the header: columns named after data fields hold their values (a number field's
 * cell is parsed as a number), {@code _id} the external id, {@code _gold} the known answer as JSON text. An empty
 * cell is a missing value.
 */
final class CsvItemDecoder implements ItemDecoder {

    static final String ID_COLUMN = "_id";
    static final String GOLD_COLUMN = "_gold";
    /** As in JSON (Jackson's limit): parsing a longer number costs time that grows with the square of its length. */
    private static final int LONGEST_NUMBER = 1000;

    /** What one column holds: the external id, the gold answer, or a data field ({@code field}). */
    private record Column(String name, DataField field) {
    }

    private final ImportJson json;
    private final Column[] columns;

    private CsvItemDecoder(ImportJson json, Column[] columns) {
        this.json = json;
        this.columns = columns;
    }

    static CsvItemDecoder fromHeader(RawRecord header, LabelSchema schema, ImportJson json) throws HeaderRejected {
        if (header == null || header.isBlank()) {
            throw new HeaderRejected(List.of("the first line must be the header: the names of the columns"));
        }
        if (header.defect() != RawRecord.Defect.NONE || Utf8.firstInvalidByte(header.bytes(), header.length()) >= 0) {
            throw new HeaderRejected(List.of("the header cannot be read: it is too long, not UTF-8, or has an unclosed quote"));
        }
        String[] names;
        try {
            names = json.csvRecords().readValue(header.bytes(), 0, header.length());
        } catch (IOException e) {
            throw new HeaderRejected(List.of("the header is not valid CSV: " + originalMessage(e)));
        }
        List<String> problems = new ArrayList<>();
        Column[] columns = new Column[names.length];
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < names.length; i++) {
            String name = names[i].strip();
            DataField field = schema.dataFields().stream().filter(candidate -> candidate.name().equals(name)).findFirst().orElse(null);
            if (field == null && !name.equals(ID_COLUMN) && !name.equals(GOLD_COLUMN)) {
                problems.add("column '" + Reasons.shorten(name) + "' is not a data field of this project, nor " + ID_COLUMN + " or " + GOLD_COLUMN);
            }
            if (!seen.add(name)) {
                problems.add("column '" + Reasons.shorten(name) + "' appears twice");
            }
            columns[i] = new Column(name, field);
        }
        for (DataField field : schema.dataFields()) {
            if (field.required() && !seen.contains(field.name())) {
                problems.add("required data field '" + field.name() + "' has no column");
            }
        }
        if (!problems.isEmpty()) {
            throw new HeaderRejected(problems);
        }
        return new CsvItemDecoder(json, columns);
    }

    @Override
    public Item decode(RawRecord record) throws LineRejected {
        String[] cells = cells(record);
        if (cells.length != columns.length) {
            throw new LineRejected("has " + cells.length + " values, the header has " + columns.length + " columns");
        }
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        String externalId = null;
        JsonNode gold = null;
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < cells.length; i++) {
            String cell = cells[i];
            Column column = columns[i];
            if (cell.isEmpty()) {
                continue;
            }
            if (column.field() != null) {
                data.set(column.name(), value(column.field(), cell, problems));
            } else if (column.name().equals(ID_COLUMN)) {
                externalId = cell;
            } else {
                gold = gold(cell, problems);
            }
        }
        if (!problems.isEmpty()) {
            throw new LineRejected(String.join("; ", problems));
        }
        return new Item(externalId, data, null, gold, null);
    }

    private String[] cells(RawRecord record) throws LineRejected {
        try {
            return json.csvRecords().readValue(record.bytes(), 0, record.length());
        } catch (IOException e) {
            throw new LineRejected("not valid CSV: " + originalMessage(e));
        }
    }

    private static JsonNode value(DataField field, String cell, List<String> problems) {
        if (field.type() != DataField.Type.NUMBER) {
            return JsonNodeFactory.instance.textNode(cell);
        }
        if (cell.length() > LONGEST_NUMBER) {
            problems.add("'" + field.name() + "' must be a number of at most " + LONGEST_NUMBER + " characters");
            return null;
        }
        try {
            return JsonNodeFactory.instance.numberNode(new BigDecimal(cell.strip()));
        } catch (NumberFormatException e) {
            problems.add("'" + field.name() + "' must be a number, not '" + Reasons.shorten(cell) + "'");
            return null;
        }
    }

    private JsonNode gold(String cell, List<String> problems) {
        try {
            return json.values().readTree(cell);
        } catch (JsonProcessingException e) {
            problems.add("'" + GOLD_COLUMN + "' must be the known answer as JSON: " + e.getOriginalMessage());
            return null;
        }
    }

    private static String originalMessage(IOException e) {
        return e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
    }
}
