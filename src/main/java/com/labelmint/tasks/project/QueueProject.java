package com.labelmint.tasks.project;

import com.labelmint.projects.api.LabelSchema;
import java.util.UUID;

/** What the queue knows of a project: enough to hand out its tasks and check their answers. */
public record QueueProject(UUID id, long version, String name, String instructions, LabelSchema schema,
                           int leaseSeconds, double goldRate) {
}
