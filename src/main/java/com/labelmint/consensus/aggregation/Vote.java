package com.labelmint.consensus.aggregation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;

/**
 * One answer to aggregate, with what consensus believes of its labeler.
 *
 * @param accuracy the labeler's estimated probability of answering correctly, in (0, 1)
 */
public record Vote(UUID labelerId, JsonNode answer, double accuracy) {
}
