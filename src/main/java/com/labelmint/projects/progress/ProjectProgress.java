package com.labelmint.projects.progress;

import java.time.Instant;
import java.util.UUID;

/**
 * How far a project has come.
 *
 * @param items regular items imported (gold items are counted apart)
 * @param answers every answer received, gold answers included
 * @param itemsAnswered items that have all the answers they need and went to consensus
 */
public record ProjectProgress(UUID projectId, long items, long goldItems, long answers, long itemsAnswered, Instant updatedAt) {
}
