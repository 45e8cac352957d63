package com.labelmint.tasks.importing;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One item as a line described it, before validation: {@code externalId} and {@code gold} may be null. The
 * {@code *Text} fields hold the values as written, when the line was JSON; CSV values are built, and null there.
 */
record Item(String externalId, JsonNode data, JsonText dataText, JsonNode gold, JsonText goldText) {

    boolean isGold() {
        return gold != null;
    }
}
