package com.labelmint.consensus.decision;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An admin's settlement: {@code upheld} (the party was right) or {@code dismissed}, why, and for an upheld dispute
 * over an item's label, the right label.
 */
public record DisputeResolution(@NotNull @Pattern(regexp = "upheld|dismissed") String outcome,
                                @NotNull @Size(min = 1, max = 2000) String note, JsonNode label) {

    boolean upheld() {
        return "upheld".equals(outcome);
    }
}
