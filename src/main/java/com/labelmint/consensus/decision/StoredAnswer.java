package com.labelmint.consensus.decision;

import com.fasterxml.jackson.databind.JsonNode;
import com.labelmint.consensus.api.ItemAnswer;
import java.util.List;
import java.util.UUID;

/** A regular (not gold) answer consensus holds for an item, with its verdict once it has one. */
record StoredAnswer(UUID id, UUID labelerId, JsonNode value, String verdict) {

    boolean accepted() {
        return "accepted".equals(verdict);
    }

    /** Made void by its labeler's exclusion from the project: never counted, never paid. */
    boolean isVoid() {
        return Verdicts.VOID.equals(verdict);
    }

    ItemAnswer asView() {
        return new ItemAnswer(id, labelerId, String.valueOf(value), verdict);
    }

    /** The answers that count towards the item's label. */
    static List<StoredAnswer> counted(List<StoredAnswer> answers) {
        return answers.stream().filter(answer -> !answer.isVoid()).toList();
    }
}
