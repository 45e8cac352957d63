package com.labelmint.tasks.export;

import java.util.Locale;

/** The layouts a project's labels are exported in. COCO and YOLO describe boxes, so they need a box project. */
public enum ExportFormat {
    JSONL("application/jsonl", "jsonl", false),
    CSV("text/csv", "csv", false),
    COCO("application/json", "coco.json", true),
    YOLO("application/zip", "yolo.zip", true);

    private final String mediaType;
    private final String fileExtension;
    private final boolean boxesOnly;

    ExportFormat(String mediaType, String fileExtension, boolean boxesOnly) {
        this.mediaType = mediaType;
        this.fileExtension = fileExtension;
        this.boxesOnly = boxesOnly;
    }

    public String mediaType() {
        return mediaType;
    }

    public String fileExtension() {
        return fileExtension;
    }

    public boolean boxesOnly() {
        return boxesOnly;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
