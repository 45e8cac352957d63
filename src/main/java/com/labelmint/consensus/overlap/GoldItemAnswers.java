package com.labelmint.consensus.overlap;

import com.fasterxml.jackson.databind.JsonNode;
import com.labelmint.consensus.aggregation.Vote;
import java.util.List;

/** A gold item's known answer and the votes that count on it, oldest first, as the item received them. */
record GoldItemAnswers(JsonNode goldAnswer, List<Vote> votes) {
}
