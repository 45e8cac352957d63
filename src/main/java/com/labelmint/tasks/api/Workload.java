package com.labelmint.tasks.api;

/**
 * The labeling floor at one moment.
 *
 * @param activeLabelers people holding a lease that has not expired
 * @param answersLastMinute answers submitted in the last 60 seconds
 * @param itemsWaiting items still waiting for answers (gold items aside)
 */
public record Workload(long activeLabelers, long answersLastMinute, long itemsWaiting) {
}
