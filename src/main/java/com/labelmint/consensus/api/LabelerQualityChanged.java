package com.labelmint.consensus.api;

import com.labelmint.platform.events.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * The consensus module measured a labeler again. The counts are cumulative (everything measured up to
 * {@code measuredAt}), so a listener that sees two measurements out of order keeps the later one and
 * loses nothing.
 *
 * @param skill the skill the measurement is about, or {@code null} for all of the labeler's work
 * @param goldAnswers answers given on gold items, whose true label is known
 * @param goldCorrect of those, the answers that matched the known label
 * @param decidedAnswers answers on items whose label consensus has decided
 * @param agreedAnswers of those, the answers that agreed with the decided label
 * @param disputesLost disputes about this labeler's answers that were decided against them
 */
public record LabelerQualityChanged(UUID eventId, Instant occurredAt, UUID labelerId, String skill,
                                    long goldAnswers, long goldCorrect, long decidedAnswers, long agreedAnswers,
                                    long disputesLost, Instant measuredAt) implements DomainEvent {
}
