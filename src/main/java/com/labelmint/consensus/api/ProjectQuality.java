package com.labelmint.consensus.api;

import java.util.List;

/**
 * How consensus went on a project.
 *
 * @param meanConfidence how sure consensus was of its labels on average (agreement among the labelers, weighed by the
 *                       project's aggregation method); null before any label
 * @param labels the labels decided, most frequent first, each as JSON with how many items got it
 * @param leastSure the items consensus was least sure of, least sure first
 */
public record ProjectQuality(long decided, long inReview, Double meanConfidence, List<LabelCount> labels, List<UnsureItem> leastSure) {

    public record LabelCount(String label, long items) {
    }

    public record UnsureItem(long itemId, String state, String label, double confidence) {
    }
}
