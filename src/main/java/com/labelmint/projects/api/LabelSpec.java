package com.labelmint.projects.api;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a labeler answers: the kind of label and its bounds. Each kind knows the shape of a valid answer,
 * so the tasks module validates answers (and gold answers) without knowing the kinds.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = LabelSpec.SingleChoice.class, name = "single_choice"),
        @JsonSubTypes.Type(value = LabelSpec.MultipleChoice.class, name = "multiple_choice"),
        @JsonSubTypes.Type(value = LabelSpec.FreeText.class, name = "free_text"),
        @JsonSubTypes.Type(value = LabelSpec.Rating.class, name = "rating"),
        @JsonSubTypes.Type(value = LabelSpec.BoundingBoxes.class, name = "bounding_boxes")})
public sealed interface LabelSpec {

    int MAX_OPTIONS = 100;
    String OPTION_PATTERN = "[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}";

    /** What is wrong with the spec itself; empty when it can be saved. */
    List<String> problems();

    /** Why {@code answer} is not a valid answer to this spec, or empty when it is. */
    Optional<String> answerViolation(JsonNode answer);

    /** One option to choose: the stored value and what the labeler reads. */
    record Option(String value, String title) {
    }

    /** Pick exactly one option. Answer: {@code {"value": "cat"}}. */
    record SingleChoice(List<Option> options) implements LabelSpec {
        @Override
        public List<String> problems() {
            return optionProblems(options);
        }

        @Override
        public Optional<String> answerViolation(JsonNode answer) {
            JsonNode value = answer.get("value");
            if (answer.size() != 1 || value == null || !value.isTextual()) {
                return Optional.of("a single-choice answer is {\"value\": \"<option>\"}");
            }
            return isOption(options, value.asText()) ? Optional.empty() : Optional.of("'" + value.asText() + "' is not an option");
        }
    }

    /** Pick between {@code minSelected} and {@code maxSelected} options. Answer: {@code {"values": ["a", "b"]}}. */
    record MultipleChoice(List<Option> options, int minSelected, int maxSelected) implements LabelSpec {
        @Override
        public List<String> problems() {
            List<String> problems = new ArrayList<>(optionProblems(options));
            if (minSelected < 0 || maxSelected < Math.max(1, minSelected) || options != null && maxSelected > options.size()) {
                problems.add("minSelected and maxSelected must satisfy 0 <= minSelected <= maxSelected <= number of options, maxSelected >= 1");
            }
            return problems;
        }

        @Override
        public Optional<String> answerViolation(JsonNode answer) {
            JsonNode values = answer.get("values");
            if (answer.size() != 1 || values == null || !values.isArray()) {
                return Optional.of("a multiple-choice answer is {\"values\": [\"<option>\", ...]}");
            }
            Set<String> chosen = new HashSet<>();
            for (JsonNode value : values) {
                if (!value.isTextual() || !isOption(options, value.asText())) {
                    return Optional.of(value + " is not an option");
                }
                if (!chosen.add(value.asText())) {
                    return Optional.of("'" + value.asText() + "' is chosen twice");
                }
            }
            if (chosen.size() < minSelected || chosen.size() > maxSelected) {
                return Optional.of("choose between " + minSelected + " and " + maxSelected + " options");
            }
            return Optional.empty();
        }
    }

    /** Write text of bounded length. Answer: {@code {"text": "..."}}. */
    record FreeText(int minLength, int maxLength) implements LabelSpec {
        public static final int LONGEST = 10_000;

        @Override
        public List<String> problems() {
            return minLength < 0 || maxLength < Math.max(1, minLength) || maxLength > LONGEST
                    ? List.of("free text needs 0 <= minLength <= maxLength <= " + LONGEST + ", maxLength >= 1") : List.of();
        }

        @Override
        public Optional<String> answerViolation(JsonNode answer) {
            JsonNode text = answer.get("text");
            if (answer.size() != 1 || text == null || !text.isTextual()) {
                return Optional.of("a free-text answer is {\"text\": \"...\"}");
            }
            int length = text.asText().strip().codePointCount(0, text.asText().strip().length());
            return length < minLength || length > maxLength
                    ? Optional.of("the text must be " + minLength + " to " + maxLength + " characters long") : Optional.empty();
        }
    }

    /** A whole number on a scale. Answer: {@code {"rating": 4}}. */
    record Rating(int min, int max) implements LabelSpec {
        @Override
        public List<String> problems() {
            return max <= min || max - min > 100 ? List.of("a rating scale needs min < max and at most 101 steps") : List.of();
        }

        @Override
        public Optional<String> answerViolation(JsonNode answer) {
            JsonNode rating = answer.get("rating");
            if (answer.size() != 1 || rating == null || !rating.canConvertToExactIntegral() || !rating.isNumber()) {
                return Optional.of("a rating answer is {\"rating\": <whole number>}");
            }
            int value = rating.asInt();
            return value < min || value > max ? Optional.of("the rating must be between " + min + " and " + max) : Optional.empty();
        }
    }

    /**
     * Boxes drawn on the item's image, each with a class; coordinates are fractions of the image's width and
     * height, so they do not depend on how large the picture was shown. Answer:
     * {@code {"boxes": [{"class": "car", "x": 0.1, "y": 0.2, "w": 0.3, "h": 0.25}]}} (x, y: top-left corner).
     */
    record BoundingBoxes(List<String> classes, int maxBoxes) implements LabelSpec {
        public static final int MOST_BOXES = 500;

        @Override
        public List<String> problems() {
            List<String> problems = new ArrayList<>();
            if (classes == null || classes.isEmpty() || classes.size() > MAX_OPTIONS) {
                problems.add("bounding boxes need 1 to " + MAX_OPTIONS + " classes");
            } else if (new HashSet<>(classes).size() != classes.size() || !classes.stream().allMatch(c -> c != null && c.matches(OPTION_PATTERN))) {
                problems.add("classes must be distinct names matching " + OPTION_PATTERN);
            }
            if (maxBoxes < 1 || maxBoxes > MOST_BOXES) {
                problems.add("maxBoxes must be between 1 and " + MOST_BOXES);
            }
            return problems;
        }

        @Override
        public Optional<String> answerViolation(JsonNode answer) {
            JsonNode boxes = answer.get("boxes");
            if (answer.size() != 1 || boxes == null || !boxes.isArray()) {
                return Optional.of("a bounding-box answer is {\"boxes\": [{\"class\", \"x\", \"y\", \"w\", \"h\"}, ...]}");
            }
            if (boxes.size() > maxBoxes) {
                return Optional.of("at most " + maxBoxes + " boxes");
            }
            for (JsonNode box : boxes) {
                Optional<String> violation = boxViolation(box);
                if (violation.isPresent()) {
                    return violation;
                }
            }
            return Optional.empty();
        }

        private Optional<String> boxViolation(JsonNode box) {
            JsonNode type = box.get("class");
            if (box.size() != 5 || type == null || !type.isTextual() || !classes.contains(type.asText())) {
                return Optional.of("each box is {\"class\": <one of " + classes + ">, \"x\", \"y\", \"w\", \"h\"}");
            }
            double[] xywh = new double[4];
            String[] names = {"x", "y", "w", "h"};
            for (int i = 0; i < 4; i++) {
                JsonNode coordinate = box.get(names[i]);
                if (coordinate == null || !coordinate.isNumber()) {
                    return Optional.of("box coordinate '" + names[i] + "' must be a number");
                }
                xywh[i] = coordinate.asDouble();
            }
            boolean inside = xywh[0] >= 0 && xywh[1] >= 0 && xywh[2] > 0 && xywh[3] > 0
                    && xywh[0] + xywh[2] <= 1 + 1e-9 && xywh[1] + xywh[3] <= 1 + 1e-9;
            return inside ? Optional.empty() : Optional.of("a box must have positive size and lie inside the image (fractions 0..1)");
        }
    }

    private static List<String> optionProblems(List<Option> options) {
        if (options == null || options.size() < 2 || options.size() > MAX_OPTIONS) {
            return List.of("choices need 2 to " + MAX_OPTIONS + " options");
        }
        Set<String> values = new HashSet<>();
        for (Option option : options) {
            if (option == null || option.value() == null || !option.value().matches(OPTION_PATTERN)) {
                return List.of("option values must match " + OPTION_PATTERN);
            }
            if (!values.add(option.value())) {
                return List.of("option '" + option.value() + "' is listed twice");
            }
            if (option.title() != null && option.title().length() > 200) {
                return List.of("option titles are at most 200 characters");
            }
        }
        return List.of();
    }

    private static boolean isOption(List<Option> options, String value) {
        return options.stream().anyMatch(option -> option.value().equals(value));
    }
}
