package com.labelmint.tasks.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.labelmint.platform.csv.CsvOutput;
import com.labelmint.projects.api.LabelSpec;
import com.labelmint.projects.api.ProjectView;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * YOLO (Darknet / Ultralytics) layout as a zip: {@code labels/<item id>.txt} with one line per box,
 * {@code <class index> <centre x> <centre y> <width> <height>} as fractions of the image; {@code classes.txt} and
 * {@code data.yaml} naming the classes in index order; {@code images.csv} (written in a second pass over the items) mapping each label file's item to its
 * external id and image reference, since the pictures themselves live where the client put them.
 */
@ApplicationScoped
class YoloExport implements ExportWriter {

    private final ExportedItems items;
    private final ObjectMapper json;
    private final CsvMapper csv = CsvOutput.mapper();

    YoloExport(ExportedItems items, ObjectMapper json) {
        this.items = items;
        this.json = json;
    }

    @Override
    public ExportFormat format() {
        return ExportFormat.YOLO;
    }

    @Override
    public void write(ProjectView project, boolean withAnswers, OutputStream out) throws IOException {
        List<String> classes = ((LabelSpec.BoundingBoxes) project.schema().label()).classes();
        ZipOutputStream zip = new ZipOutputStream(out);
        entry(zip, "classes.txt", String.join("\n", classes) + "\n");
        entry(zip, "data.yaml", "nc: " + classes.size() + "\nnames: [" + String.join(", ", classes.stream().map(c -> "'" + c + "'").toList()) + "]\n");
        items.forEach(project.id(), false, item -> {
            BoxedImage image = BoxedImage.of(item, project.schema(), json);
            StringBuilder lines = new StringBuilder();
            for (BoxedImage.Box box : image.boxes()) {
                lines.append(String.format(Locale.ROOT, "%d %.6f %.6f %.6f %.6f\n", classes.indexOf(box.cls()),
                        box.x() + box.w() / 2, box.y() + box.h() / 2, box.w(), box.h()));
            }
            entry(zip, "labels/" + image.itemId() + ".txt", lines.toString());
        });
        zip.putNextEntry(new ZipEntry("images.csv"));
        try (SequenceWriter rows = csv.writerFor(String[].class).writeValues(zip)) {
            rows.write(new String[] {"item_id", "external_id", "image"});
            items.forEach(project.id(), false, item -> {
                BoxedImage image = BoxedImage.of(item, project.schema(), json);
                rows.write(new String[] {Long.toString(image.itemId()), image.externalId(), image.image()});
            });
        }
        zip.closeEntry();
        zip.finish();
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
