package com.labelmint.consensus.aggregation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Aggregates one item's answers into a label, and judges answers against a label; one kind per kind of label. */
public interface ItemAggregator {

    /** The label the votes (oldest first) support, and how strongly. */
    Aggregate aggregate(List<Vote> votes);

    /** Whether an answer agrees with a label (decided by consensus, a reviewer, or a gold item's known answer). */
    boolean agrees(JsonNode answer, JsonNode label);
}
