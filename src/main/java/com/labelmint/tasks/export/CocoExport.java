package com.labelmint.tasks.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.labelmint.projects.api.LabelSpec;
import com.labelmint.projects.api.ProjectView;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * COCO object-detection layout: {@code info}, {@code categories} (the schema's classes, ids from 1),
 * {@code images} (id = item id, {@code file_name} = the image reference) and {@code annotations} (one per fused
 * box, {@code bbox} = [x, y, width, height] in pixels from the top-left corner, with {@code area} and
 * {@code iscrowd} 0). Written in two passes over the items, images then annotations, so nothing is held.
 */
@ApplicationScoped
class CocoExport implements ExportWriter {

    private final ExportedItems items;
    private final ObjectMapper json;

    CocoExport(ExportedItems items, ObjectMapper json) {
        this.items = items;
        this.json = json;
    }

    @Override
    public ExportFormat format() {
        return ExportFormat.COCO;
    }

    @Override
    public void write(ProjectView project, boolean withAnswers, OutputStream out) throws IOException {
        List<String> classes = ((LabelSpec.BoundingBoxes) project.schema().label()).classes();
        try (JsonGenerator coco = json.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            coco.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            coco.writeStartObject();
            coco.writeObjectFieldStart("info");
            coco.writeStringField("description", project.name());
            coco.writeStringField("contributor", "LabelMint");
            coco.writeEndObject();
            coco.writeArrayFieldStart("categories");
            for (int i = 0; i < classes.size(); i++) {
                coco.writeStartObject();
                coco.writeNumberField("id", i + 1);
                coco.writeStringField("name", classes.get(i));
                coco.writeEndObject();
            }
            coco.writeEndArray();
            coco.writeArrayFieldStart("images");
            items.forEach(project.id(), false, item -> image(coco, BoxedImage.of(item, project.schema(), json)));
            coco.writeEndArray();
            coco.writeArrayFieldStart("annotations");
            long[] annotationId = {0};
            items.forEach(project.id(), false, item -> {
                BoxedImage image = BoxedImage.of(item, project.schema(), json);
                for (BoxedImage.Box box : image.boxes()) {
                    annotation(coco, ++annotationId[0], image, box, classes.indexOf(box.cls()) + 1);
                }
            });
            coco.writeEndArray();
            coco.writeEndObject();
        }
    }

    private static void image(JsonGenerator coco, BoxedImage image) throws IOException {
        coco.writeStartObject();
        coco.writeNumberField("id", image.itemId());
        coco.writeStringField("file_name", image.image());
        coco.writeNumberField("width", image.width());
        coco.writeNumberField("height", image.height());
        coco.writeEndObject();
    }

    private static void annotation(JsonGenerator coco, long id, BoxedImage image, BoxedImage.Box box, int category)
            throws IOException {
        double width = box.w() * image.width();
        double height = box.h() * image.height();
        coco.writeStartObject();
        coco.writeNumberField("id", id);
        coco.writeNumberField("image_id", image.itemId());
        coco.writeNumberField("category_id", category);
        coco.writeArrayFieldStart("bbox");
        coco.writeNumber(box.x() * image.width());
        coco.writeNumber(box.y() * image.height());
        coco.writeNumber(width);
        coco.writeNumber(height);
        coco.writeEndArray();
        coco.writeNumberField("area", width * height);
        coco.writeNumberField("iscrowd", 0);
        coco.writeEndObject();
    }
}
