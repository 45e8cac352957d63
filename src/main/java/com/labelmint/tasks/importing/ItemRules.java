package com.labelmint.tasks.importing;

import com.labelmint.projects.api.LabelSchema;
import java.util.ArrayList;
import java.util.List;

/** Whether an item may be imported into a project: its data fits the schema, its gold answer is a valid answer. */
final class ItemRules {

    /** {@code tasks.item.external_id}'s limit, in characters. */
    static final int LONGEST_EXTERNAL_ID = 200;

    private final LabelSchema schema;

    ItemRules(LabelSchema schema) {
        this.schema = schema;
    }

    /**
     * Every reason the item cannot be imported; empty when it can. {@code checkText}: whether its strings may hold
     * what jsonb refuses ({@link JsonSafety#textMayBeUnsafe}).
     */
    List<String> violations(Item item, boolean checkText) {
        List<String> violations = new ArrayList<>();
        String id = item.externalId();
        if (id != null) {
            int length = id.codePointCount(0, id.length());
            if (length < 1 || length > LONGEST_EXTERNAL_ID) {
                violations.add("'id' must be 1 to " + LONGEST_EXTERNAL_ID + " characters");
            }
            if (checkText) {
                JsonSafety.textProblem(id).ifPresent(problem -> violations.add("'id': " + problem));
            }
        }
        violations.addAll(schema.itemViolations(item.data()));
        if (item.data() != null) {
            JsonSafety.problem(item.data(), checkText).ifPresent(problem -> violations.add("data: " + problem));
        }
        if (item.isGold()) {
            schema.answerViolation(item.gold()).ifPresent(problem -> violations.add("gold: " + problem));
            JsonSafety.problem(item.gold(), checkText).ifPresent(problem -> violations.add("gold: " + problem));
        }
        return violations;
    }
}
