package com.labelmint.tasks.importing;

import com.fasterxml.jackson.databind.JsonNode;

/** One item as a line described it, before validation: {@code externalId} and {@code gold} may be null. */
record Item(String externalId, JsonNode data, JsonNode gold) {

    boolean isGold() {
        return gold != null;
    }
}
