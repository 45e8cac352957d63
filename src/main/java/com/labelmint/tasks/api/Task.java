package com.labelmint.tasks.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.labelmint.projects.api.DataField;
import com.labelmint.projects.api.LabelSpec;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A task as the labeler sees it: the lease to answer under, the project's instructions and label, and the item's
 * data. Never whether the item is gold.
 */
public record Task(UUID leaseId, Instant expiresAt, Project project, Item item) {

    public record Project(UUID id, String name, String instructions, List<DataField> dataFields, LabelSpec label) {
    }

    public record Item(long id, JsonNode data) {
    }
}
