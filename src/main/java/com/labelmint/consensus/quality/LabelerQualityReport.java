package com.labelmint.consensus.quality;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Everything consensus knows of one labeler's work: counts and accuracies overall and per skill, how fast they
 * answer, and the confusion matrix each project's last Dawid–Skene pass learnt for them.
 *
 * @param overall absent before consensus has judged any of their answers
 */
public record LabelerQualityReport(UUID labelerId, Measures overall, List<Measures> skills, AnswerSpeed speed,
                                   List<ProjectConfusion> confusion) {

    /**
     * @param skill {@code null} for all of the labeler's work
     * @param goldAccuracy share of gold answers that matched the known label; {@code null} without gold answers
     * @param agreement share of decided answers that agreed with the label; {@code null} without decided answers
     * @param estimatedAccuracy what consensus weighs their votes with: gold and agreement under a Beta(7, 3) prior
     */
    public record Measures(String skill, long goldAnswers, long goldCorrect, Double goldAccuracy, long decidedAnswers,
                           long agreedAnswers, Double agreement, long disputesLost, double estimatedAccuracy,
                           Instant measuredAt) {
    }

    /** Over every answer consensus received from them; the times are {@code null} without answers. */
    public record AnswerSpeed(long answers, Long medianMs, Long p90Ms) {
    }

    /**
     * @param classes the label's classes, in the schema's order
     * @param matrix {@code matrix[i][j]}: the probability that they answer {@code classes[j]} when the truth is
     *        {@code classes[i]}
     * @param accuracy the diagonal weighted by how often each class is the truth
     */
    public record ProjectConfusion(UUID projectId, Instant fittedAt, List<String> classes, double[][] matrix, double accuracy) {
    }
}
