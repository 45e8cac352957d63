package com.labelmint.consensus.refit;

import java.time.Instant;
import java.util.UUID;

/** What a Dawid–Skene pass over a project saw and how EM went. */
public record RefitSummary(UUID projectId, int answers, int items, int labelers, int iterations, boolean converged,
                           double logLikelihood, Instant fittedAt, long durationMs) {
}
