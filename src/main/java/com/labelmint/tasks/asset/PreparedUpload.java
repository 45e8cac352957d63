package com.labelmint.tasks.asset;

/** The link for one requested file; items refer to the file by {@code fileName}. */
public record PreparedUpload(String fileName, PresignedUpload upload) {
}
