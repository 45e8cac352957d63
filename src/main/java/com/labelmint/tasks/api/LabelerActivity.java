package com.labelmint.tasks.api;

/**
 * What a labeler has answered.
 *
 * @param answersToday answers since midnight UTC
 */
public record LabelerActivity(long answers, long answersToday) {
}
