package com.labelmint.tasks.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The tasks module's synchronous face: the labeling loop for clients other than the REST API (the Telegram bot),
 * under the same rules — one lease at a time, its deadline, one answer per item — and the labeling floor for
 * operators. Refusals are {@link com.labelmint.platform.error.ProblemException}s, as the REST API answers them.
 */
public interface TasksApi {

    /** The labeler's current task if they hold one, else a new one under a new lease; empty when there is none. */
    Optional<Task> next(UUID labelerId);

    /** Records the answer under the labeler's lease; the same answer again is no error. Returns the answer's id. */
    UUID answer(UUID labelerId, UUID leaseId, JsonNode answer);

    /** Gives the task back unanswered. */
    void skip(UUID labelerId, UUID leaseId);

    /** How much the labeler has answered. */
    LabelerActivity activity(UUID labelerId);

    /** The labeling floor right now. */
    Workload workload();

    /** Answers submitted in each of the last {@code hours} clock hours, oldest first, the current hour last. */
    List<Long> answersPerHour(int hours);

    /** What labelers were shown for an item: its data, with links to its images; empty for an unknown item. */
    Optional<ItemData> itemData(long itemId);
}
