package com.labelmint.tasks.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.labelmint.projects.api.DataField;
import com.labelmint.projects.api.LabelSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A box project's item as the box formats see it: the picture (the schema's first image field: a URL or an
 * {@code asset:} name), its size in pixels when the item's data says so ({@code width} and {@code height}
 * numbers; otherwise 1 × 1, so that pixel coordinates stay the fractions they were drawn in), and the label's
 * boxes as fractions of the picture.
 */
record BoxedImage(long itemId, String externalId, String image, double width, double height, List<Box> boxes) {

    record Box(String cls, double x, double y, double w, double h) {
    }

    static BoxedImage of(ExportedItem item, LabelSchema schema, ObjectMapper json) throws IOException {
        JsonNode data = json.readTree(item.dataJson());
        String imageField = schema.dataFields().stream().filter(field -> field.type() == DataField.Type.IMAGE)
                .map(DataField::name).findFirst().orElse(null);
        String image = imageField == null || !data.hasNonNull(imageField) ? "" : data.get(imageField).asText();
        List<Box> boxes = new ArrayList<>();
        if (item.labelJson() != null) {
            for (JsonNode box : json.readTree(item.labelJson()).path("boxes")) {
                boxes.add(new Box(box.get("class").asText(), box.get("x").asDouble(), box.get("y").asDouble(),
                        box.get("w").asDouble(), box.get("h").asDouble()));
            }
        }
        return new BoxedImage(item.id(), item.externalId(), image, dimension(data, "width"), dimension(data, "height"), boxes);
    }

    private static double dimension(JsonNode data, String name) {
        JsonNode value = data.get(name);
        return value != null && value.isNumber() && value.asDouble() > 0 ? value.asDouble() : 1;
    }
}
