package com.labelmint.consensus.api;

import com.labelmint.platform.paging.Page;
import java.util.Optional;
import java.util.UUID;

/** The consensus module's synchronous face. */
public interface ConsensusApi {

    /** What waits for a person: items in review and disputes still open. */
    Backlog backlog();

    /** Open disputes, oldest first; {@code after} is the previous page's cursor. */
    Page<DisputeView> openDisputes(String after, int limit);

    /** A dispute with its item's label and every answer the item got, for deciding it. */
    Optional<DisputeCase> disputeCase(UUID disputeId);

    /**
     * Settles an open dispute as {@code admin}: {@code upheld} or {@code dismissed}, why, and for an upheld dispute
     * over an item's label the right label as JSON. Publishes {@link DisputeResolved}; bad input is a 400 problem.
     */
    DisputeView resolveDispute(UUID admin, UUID disputeId, String outcome, String note, String labelJson);

    /** The project's labels so far, consensus's mean confidence and the {@code leastSure} items it was least sure of. */
    ProjectQuality projectQuality(UUID projectId, int leastSure);

    record Backlog(long itemsInReview, long openDisputes) {
    }
}
