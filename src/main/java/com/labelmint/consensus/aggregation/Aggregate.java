package com.labelmint.consensus.aggregation;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What an item's answers say: the best label and how sure that is.
 *
 * @param confidence in [0, 1]; compared with the project's acceptance threshold
 * @param method how the label was reached, as {@code ItemLabelled.method} names it
 */
public record Aggregate(JsonNode label, double confidence, String method) {
}
