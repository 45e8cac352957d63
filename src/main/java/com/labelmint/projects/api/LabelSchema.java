package com.labelmint.projects.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a project labels: the data fields every item carries, and the label asked for.
 * Validated when a project is saved ({@link #problems()}), then used to validate each imported item
 * ({@link #itemViolations}) and each answer ({@link #answerViolation}).
 */
public record LabelSchema(List<DataField> dataFields, LabelSpec label) {

    public static final int MAX_FIELDS = 50;

    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (dataFields == null || dataFields.isEmpty() || dataFields.size() > MAX_FIELDS) {
            problems.add("a schema needs 1 to " + MAX_FIELDS + " data fields");
        } else {
            Set<String> names = new HashSet<>();
            for (DataField field : dataFields) {
                if (field == null || field.name() == null || !field.name().matches(DataField.NAME_PATTERN) || field.type() == null) {
                    problems.add("each data field needs a name matching " + DataField.NAME_PATTERN + " and a type");
                } else if (!names.add(field.name())) {
                    problems.add("data field '" + field.name() + "' is listed twice");
                }
            }
        }
        if (label == null) {
            problems.add("a schema needs a label");
        } else {
            problems.addAll(label.problems());
            if (label instanceof LabelSpec.BoundingBoxes && (dataFields == null
                    || dataFields.stream().noneMatch(field -> field != null && field.type() == DataField.Type.IMAGE && field.required()))) {
                problems.add("bounding boxes are drawn on an image: the schema needs a required data field of type image");
            }
        }
        return problems;
    }

    /** Why an item's data does not fit the schema: one line per problem, empty when it fits. */
    public List<String> itemViolations(JsonNode data) {
        if (data == null || !data.isObject()) {
            return List.of("an item's data is a JSON object");
        }
        List<String> violations = new ArrayList<>();
        for (DataField field : dataFields) {
            field.violation(data.get(field.name())).ifPresent(violations::add);
        }
        for (Iterator<String> names = data.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!isDataField(name)) {
                violations.add("'" + name + "' is not a data field of this project");
            }
        }
        return violations;
    }

    // a loop, not a stream: bulk imports ask this for every key of every item
    private boolean isDataField(String name) {
        for (DataField field : dataFields) {
            if (field.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    public Optional<String> answerViolation(JsonNode answer) {
        if (answer == null || !answer.isObject()) {
            return Optional.of("an answer is a JSON object");
        }
        return label.answerViolation(answer);
    }

    /** The image field bounding boxes are drawn on, if the label is boxes. */
    public Optional<DataField> imageField() {
        return dataFields.stream().filter(field -> field.type() == DataField.Type.IMAGE).findFirst();
    }
}
