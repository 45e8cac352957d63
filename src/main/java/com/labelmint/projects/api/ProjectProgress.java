package com.labelmint.projects.api;

import java.time.Instant;
import java.util.UUID;

/**
 * How far a project has come.
 *
 * @param items regular items imported (gold items are counted apart)
 * @param answers every answer received, gold answers included
 * @param itemsAnswered items that got the answers they needed and went to consensus
 * @param itemsInConsensus of those, the items consensus has not labelled yet (collecting more answers or in review)
 * @param itemsLabelled items whose label consensus (or a reviewer) decided
 */
public record ProjectProgress(UUID projectId, long items, long goldItems, long answers, long itemsAnswered,
                              long itemsInConsensus, long itemsLabelled, Instant updatedAt) {

    public ProjectProgress(UUID projectId, long items, long goldItems, long answers, long itemsAnswered, long itemsLabelled,
                           Instant updatedAt) {
        this(projectId, items, goldItems, answers, itemsAnswered, Math.max(0, itemsAnswered - itemsLabelled), itemsLabelled, updatedAt);
    }
}
