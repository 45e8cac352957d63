package com.labelmint.tasks.export;

/**
 * One labelled (or not yet labelled) item as an export reads it: JSON columns stay as the database wrote them, so
 * a format that copies them pays no parsing.
 *
 * @param labelJson the decided label, or {@code null} while consensus has not decided
 * @param answersJson every answer as a JSON array, or {@code null} when the export leaves answers out
 */
record ExportedItem(long id, String externalId, String dataJson, String labelJson, Double confidence, String method,
                    String answersJson) {
}
