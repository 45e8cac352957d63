package com.labelmint.tasks.asset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.labelmint.projects.api.DataField;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Turns an item's {@code asset:} references into short-lived links, just before the item is shown to a labeler. */
@ApplicationScoped
public class AssetReferences {

    private final AssetDownloads downloads;

    AssetReferences(AssetDownloads downloads) {
        this.downloads = downloads;
    }

    public JsonNode withLinks(UUID projectId, List<DataField> fields, JsonNode data) {
        if (!data.isObject()) {
            return data;
        }
        ObjectNode shown = null;
        for (DataField field : fields) {
            JsonNode value = data.get(field.name());
            if (field.type() == DataField.Type.IMAGE && value != null && value.isTextual()
                    && value.asText().startsWith(DataField.ASSET_PREFIX)) {
                shown = shown == null ? ((ObjectNode) data).deepCopy() : shown;
                AssetKey key = new AssetKey(projectId, value.asText().substring(DataField.ASSET_PREFIX.length()));
                shown.put(field.name(), downloads.linkTo(key).url().toString());
            }
        }
        return shown == null ? data : shown;
    }
}
