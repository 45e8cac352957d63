package com.labelmint.tasks.asset;

/** What the store knows of an uploaded asset. */
public record StoredAsset(long sizeBytes, String contentType) {
}
