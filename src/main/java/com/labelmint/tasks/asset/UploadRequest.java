package com.labelmint.tasks.asset;

/** A file a client means to upload: its name in the project, its media type and its exact size. */
public record UploadRequest(String fileName, String contentType, long sizeBytes) {
}
