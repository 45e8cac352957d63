package com.labelmint.consensus.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.labelmint.platform.events.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * Consensus decided an item's label, for good: its answers have their verdicts ({@link AnswerAccepted},
 * {@link AnswerRejected}) in the same transaction.
 *
 * @param label an answer-shaped value of the project's schema, e.g. {@code {"value": "positive"}}
 * @param confidence how sure consensus is, in [0, 1]: the posterior probability of the label for the
 *                   probabilistic methods, the share of agreeing answers otherwise, 1 for a reviewer's decision
 * @param method {@code mv}, {@code wmv}, {@code ds}, {@code text-match}, {@code box-fusion}, {@code review} or {@code dispute}
 * @param decidedBy the reviewer (or the admin settling a dispute) who decided it, or {@code null} when consensus did
 * @param relabelled a dispute changed the label of an item labelled before: not a newly labelled item
 */
public record ItemLabelled(UUID eventId, Instant occurredAt, UUID projectId, long itemId, JsonNode label,
                           double confidence, String method, int answers, UUID decidedBy, boolean relabelled)
        implements DomainEvent {
}
