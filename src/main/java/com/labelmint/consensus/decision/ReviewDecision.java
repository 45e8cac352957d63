package com.labelmint.consensus.decision;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A reviewer's label for an item (consensus's suggestion to confirm it, or another to override it), and why. */
public record ReviewDecision(@NotNull JsonNode label, @Size(max = 2000) String note) {
}
