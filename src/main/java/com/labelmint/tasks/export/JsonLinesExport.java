package com.labelmint.tasks.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.labelmint.projects.api.ProjectView;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;

/**
 * One JSON object per line and item: {@code itemId}, {@code externalId}, {@code data}, {@code label},
 * {@code confidence}, {@code method} and, if asked, {@code answers}. The stored JSON is copied as written.
 */
@ApplicationScoped
class JsonLinesExport implements ExportWriter {

    private final ExportedItems items;
    private final JsonFactory factory = new JsonFactory();

    JsonLinesExport(ExportedItems items) {
        this.items = items;
    }

    @Override
    public ExportFormat format() {
        return ExportFormat.JSONL;
    }

    @Override
    public void write(ProjectView project, boolean withAnswers, OutputStream out) throws IOException {
        try (JsonGenerator json = factory.createGenerator(out, JsonEncoding.UTF8)) {
            json.setRootValueSeparator(new SerializedString("\n"));
            items.forEach(project.id(), withAnswers, item -> {
                json.writeStartObject();
                json.writeNumberField("itemId", item.id());
                json.writeStringField("externalId", item.externalId());
                json.writeFieldName("data");
                json.writeRawValue(item.dataJson());
                rawOrNull(json, "label", item.labelJson());
                if (item.confidence() == null) {
                    json.writeNullField("confidence");
                } else {
                    json.writeNumberField("confidence", item.confidence());
                }
                json.writeStringField("method", item.method());
                if (withAnswers) {
                    rawOrNull(json, "answers", item.answersJson() == null ? "[]" : item.answersJson());
                }
                json.writeEndObject();
            });
            if (json.getOutputContext().getEntryCount() > 0) {
                json.writeRaw('\n');
            }
        }
    }

    private static void rawOrNull(JsonGenerator json, String field, String rawJson) throws IOException {
        json.writeFieldName(field);
        if (rawJson == null) {
            json.writeNull();
        } else {
            json.writeRawValue(rawJson);
        }
    }
}
