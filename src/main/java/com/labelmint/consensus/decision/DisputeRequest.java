package com.labelmint.consensus.decision;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * What a party objects to: a labeler names their rejected answer ({@code answerId}), a project's manager names the
 * item whose label is wrong ({@code itemId}); exactly one of the two.
 */
public record DisputeRequest(UUID answerId, Long itemId, @NotBlank @Size(max = 2000) String reason) {
}
