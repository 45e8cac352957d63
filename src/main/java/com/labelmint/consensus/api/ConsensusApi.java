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

    /**
     * Items waiting for review, oldest first, in the projects {@code reviewer} may review (every project when
     * {@code admin}); {@code projectId}, when not null, narrows it to one project.
     */
    Page<ItemInReview> itemsInReview(UUID reviewer, boolean admin, UUID projectId, String after, int limit);

    /** An item with consensus's suggestion and every answer with its labeler; empty when unknown or not the reviewer's to see. */
    Optional<ReviewCase> reviewCase(UUID reviewer, boolean admin, long itemId);

    /**
     * Labels an item waiting for review for good in the reviewer's name, with a note; its answers are judged by the
     * label. A label that is not JSON or does not fit the project's schema is a 400 problem, an item no longer in
     * review a 409 problem.
     */
    void review(UUID reviewer, boolean admin, long itemId, String labelJson, String note);

    record Backlog(long itemsInReview, long openDisputes) {
    }
}
