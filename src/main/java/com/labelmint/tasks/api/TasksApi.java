package com.labelmint.tasks.api;

import java.util.List;
import java.util.Optional;

/** The tasks module's synchronous face. */
public interface TasksApi {

    /** The labeling floor right now. */
    Workload workload();

    /** Answers submitted in each of the last {@code hours} clock hours, oldest first, the current hour last. */
    List<Long> answersPerHour(int hours);

    /** What labelers were shown for an item: its data as JSON; empty for an unknown item. */
    Optional<String> itemData(long itemId);
}
