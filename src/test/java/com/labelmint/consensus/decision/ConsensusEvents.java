package com.labelmint.consensus.decision;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.labelmint.tasks.api.AnswerSubmitted;
import com.labelmint.tasks.api.ItemFullyAnswered;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** The queue's events handed to {@link ItemDecisions} as the event bus delivers them: each in a transaction of its own. */
public final class ConsensusEvents {

    private final ItemDecisions decisions;
    private final UUID project;

    public ConsensusEvents(ItemDecisions decisions, UUID project) {
        this.decisions = decisions;
        this.project = project;
    }

    /** An item id no other test uses: consensus keeps no foreign key to the queue's items. */
    public static long newItem() {
        return ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50);
    }

    /** An answer that took the labeler four seconds. */
    public AnswerSubmitted submitted(long item, UUID labeler, String value, String gold) {
        return submitted(item, labeler, value, gold, 4_000);
    }

    public AnswerSubmitted submitted(long item, UUID labeler, String value, String gold, long durationMs) {
        return new AnswerSubmitted(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), project, item, labeler,
                JsonNodeFactory.instance.objectNode().put("value", value),
                gold == null ? null : JsonNodeFactory.instance.objectNode().put("value", gold), durationMs);
    }

    /** Delivers a regular answer; its id. */
    public UUID answer(long item, UUID labeler, String value) {
        AnswerSubmitted submitted = submitted(item, labeler, value, null);
        deliver(submitted);
        return submitted.answerId();
    }

    public void deliver(AnswerSubmitted submitted) {
        QuarkusTransaction.requiringNew().run(() -> rethrow(() -> decisions.on(submitted)));
    }

    public void full(long item, int answers) {
        QuarkusTransaction.requiringNew().run(() -> rethrow(() ->
                decisions.on(new ItemFullyAnswered(UUID.randomUUID(), Instant.now(), project, item, answers, false))));
    }

    private interface Delivery {
        void run() throws Exception;
    }

    private static void rethrow(Delivery delivery) {
        try {
            delivery.run();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
