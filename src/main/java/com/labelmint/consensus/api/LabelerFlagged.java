package com.labelmint.consensus.api;

import com.labelmint.platform.events.DomainEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Consensus flagged a labeler as unreliable in a project, at {@code occurredAt}, and the project's rule says what
 * follows. {@code warn}: nothing more than this event. {@code exclude}: the labeler gets no more of the project's
 * tasks, and their answers on items not yet decided are void (never paid, never counted; the items get answers
 * from others instead). {@code request_ban}: as {@code exclude}, and an admin is asked to ban the labeler.
 *
 * @param flagId the flag's record, as admins see it
 * @param signals what gave the labeler away: {@code failed-gold-streak}, {@code constant-answers}, {@code too-fast}
 * @param action {@code warn}, {@code exclude} or {@code request_ban}
 */
public record LabelerFlagged(UUID eventId, Instant occurredAt, UUID flagId, UUID projectId, UUID labelerId,
                             List<String> signals, String action) implements DomainEvent {

    public static final String WARN = "warn";

    public LabelerFlagged {
        signals = List.copyOf(signals);
    }

    /** Whether the labeler is out of the project: every action but a warning. */
    public boolean excludesLabeler() {
        return !WARN.equals(action);
    }
}
