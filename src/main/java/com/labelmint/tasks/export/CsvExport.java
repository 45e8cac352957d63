package com.labelmint.tasks.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.labelmint.platform.csv.CsvOutput;
import com.labelmint.projects.api.DataField;
import com.labelmint.projects.api.ProjectView;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A header row, then one row per item: {@code item_id}, {@code external_id}, each data field of the schema in
 * order, {@code label} (flattened by {@link LabelText}), {@code confidence}, {@code method} and, if asked,
 * {@code answers} as a JSON array. Quoting follows RFC 4180.
 */
@ApplicationScoped
class CsvExport implements ExportWriter {

    private final ExportedItems items;
    private final ObjectMapper json;
    private final CsvMapper csv = CsvOutput.mapper();

    CsvExport(ExportedItems items, ObjectMapper json) {
        this.items = items;
        this.json = json;
    }

    @Override
    public ExportFormat format() {
        return ExportFormat.CSV;
    }

    @Override
    public void write(ProjectView project, boolean withAnswers, OutputStream out) throws IOException {
        List<String> fields = project.schema().dataFields().stream().map(DataField::name).toList();
        try (SequenceWriter rows = csv.writerFor(String[].class).writeValues(out)) {
            rows.write(header(fields, withAnswers));
            items.forEach(project.id(), withAnswers, item -> rows.write(row(item, fields, withAnswers)));
        }
    }

    private static String[] header(List<String> fields, boolean withAnswers) {
        List<String> header = new ArrayList<>(List.of("item_id", "external_id"));
        header.addAll(fields);
        header.addAll(List.of("label", "confidence", "method"));
        if (withAnswers) {
            header.add("answers");
        }
        return header.toArray(String[]::new);
    }

    private String[] row(ExportedItem item, List<String> fields, boolean withAnswers) throws IOException {
        JsonNode data = json.readTree(item.dataJson());
        List<String> row = new ArrayList<>(List.of(Long.toString(item.id()), nullToEmpty(item.externalId())));
        for (String field : fields) {
            JsonNode value = data.get(field);
            row.add(value == null || value.isNull() ? "" : value.isValueNode() ? value.asText() : value.toString());
        }
        row.add(LabelText.of(item.labelJson() == null ? null : json.readTree(item.labelJson())));
        row.add(item.confidence() == null ? "" : item.confidence().toString());
        row.add(nullToEmpty(item.method()));
        if (withAnswers) {
            row.add(item.answersJson() == null ? "[]" : item.answersJson());
        }
        return row.toArray(String[]::new);
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
