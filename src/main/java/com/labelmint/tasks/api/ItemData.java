package com.labelmint.tasks.api;

import java.util.List;

/**
 * An item's data as stored (JSON, asset references as {@code asset:} keys) and, for each image field that refers to
 * an asset, a short-lived link to the file, as a labeler would be shown it.
 */
public record ItemData(String json, List<Image> images) {

    public record Image(String field, String url) {
    }
}
