package com.labelmint.tasks.asset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.labelmint.projects.api.DataField;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Turns an item's {@code asset:} references into short-lived links, just before the item is shown to a labeler. */
@ApplicationScoped
public class AssetReferences {

    private final AssetDownloads downloads;

    AssetReferences(AssetDownloads downloads) {
        this.downloads = downloads;
    }

    /** The item's data with each image field's asset reference replaced by its link. */
    public JsonNode withLinks(UUID projectId, List<DataField> fields, JsonNode data) {
        Map<String, String> links = imageLinks(projectId, fields, data);
        if (links.isEmpty()) {
            return data;
        }
        ObjectNode shown = ((ObjectNode) data).deepCopy();
        links.forEach(shown::put);
        return shown;
    }

    /** A link for each image field that refers to an asset, by field name, in the schema's order. */
    public Map<String, String> imageLinks(UUID projectId, List<DataField> fields, JsonNode data) {
        Map<String, String> links = new LinkedHashMap<>();
        if (!data.isObject()) {
            return links;
        }
        for (DataField field : fields) {
            JsonNode value = data.get(field.name());
            if (field.type() == DataField.Type.IMAGE && value != null && value.isTextual()
                    && value.asText().startsWith(DataField.ASSET_PREFIX)) {
                AssetKey key = new AssetKey(projectId, value.asText().substring(DataField.ASSET_PREFIX.length()));
                links.put(field.name(), downloads.linkTo(key).url().toString());
            }
        }
        return links;
    }
}
