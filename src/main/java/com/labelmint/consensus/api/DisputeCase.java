package com.labelmint.consensus.api;

import java.util.List;
import java.util.UUID;

/**
 * Everything a decision on a dispute looks at: the dispute, the item's state and label (JSON, or null) and every
 * regular answer the item got, with its verdict.
 */
public record DisputeCase(DisputeView dispute, String itemState, String itemLabel, List<Answer> answers) {

    /** One answer: its value as JSON and its verdict ({@code accepted}, {@code rejected}, {@code void}, or null). */
    public record Answer(UUID id, UUID labelerId, String value, String verdict) {
    }
}
