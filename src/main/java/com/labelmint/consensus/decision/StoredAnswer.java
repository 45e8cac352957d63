package com.labelmint.consensus.decision;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;

/** A regular (not gold) answer consensus holds for an item, with its verdict once it has one. */
record StoredAnswer(UUID id, UUID labelerId, JsonNode value, String verdict) {

    boolean accepted() {
        return "accepted".equals(verdict);
    }
}
