package com.labelmint.notifications.webhook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.labelmint.consensus.api.ItemLabelled;
import com.labelmint.projects.api.ProjectStatus;
import com.labelmint.projects.api.ProjectStatusChanged;
import com.labelmint.tasks.api.AnswerSubmitted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.SQLException;

/** The events clients' endpoints hear of (budget.low comes from the budget watch). */
@ApplicationScoped
class WebhookEvents {

    private final WebhookQueue queue;

    WebhookEvents(WebhookQueue queue) {
        this.queue = queue;
    }

    /** An item's label was decided (or, {@code relabelled}, changed by a dispute). */
    void on(@Observes ItemLabelled labelled) throws SQLException {
        ObjectNode data = queue.data().put("itemId", labelled.itemId()).put("confidence", labelled.confidence())
                .put("method", labelled.method()).put("answers", labelled.answers()).put("relabelled", labelled.relabelled());
        data.set("label", labelled.label());
        queue.enqueue(labelled.projectId(), WebhookEventType.ITEM_COMPLETED, labelled.eventId(), labelled.occurredAt(), data);
    }

    void on(@Observes ProjectStatusChanged changed) throws SQLException {
        if (changed.to() == ProjectStatus.COMPLETED) {
            queue.enqueue(changed.projectId(), WebhookEventType.PROJECT_COMPLETED, changed.eventId(), changed.occurredAt(),
                    queue.data().put("from", changed.from().wireName()).put("to", changed.to().wireName()));
        }
    }

    /** Never says whether the item was a gold item: the client knows, and labelers must not learn it from anywhere. */
    void on(@Observes AnswerSubmitted submitted) throws SQLException {
        ObjectNode data = queue.data().put("answerId", submitted.answerId().toString()).put("itemId", submitted.itemId())
                .put("labelerId", submitted.labelerId().toString()).put("durationMs", submitted.durationMs());
        data.set("answer", submitted.answer());
        queue.enqueue(submitted.projectId(), WebhookEventType.ANSWER_SUBMITTED, submitted.eventId(), submitted.occurredAt(), data);
    }
}
