package com.labelmint.consensus.fraud;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A flag as admins read it. */
public record FraudFlag(UUID id, UUID projectId, UUID labelerId, List<String> signals, String action, Instant flaggedAt) {
}
