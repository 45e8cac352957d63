package com.labelmint.tasks.importing;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * What valid JSON PostgreSQL's {@code jsonb} still refuses: the NUL character, a lone UTF-16 surrogate, and
 * numbers beyond {@code numeric}. Checked per line, because one such value inside a {@code COPY} would fail the
 * whole import instead of its own line.
 */
final class JsonSafety {

    /** {@code numeric} holds up to 131072 digits before the decimal point and 16383 after it. */
    private static final int MOST_INTEGER_DIGITS = 131_072;
    private static final int MOST_FRACTION_DIGITS = 16_383;

    private JsonSafety() {
    }

    static Optional<String> problem(JsonNode node) {
        if (node.isTextual()) {
            return textProblem(node.textValue());
        }
        if (node.isNumber()) {
            return numberProblem(node);
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                Optional<String> problem = textProblem(field.getKey()).or(() -> problem(field.getValue()));
                if (problem.isPresent()) {
                    return problem;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                Optional<String> problem = problem(element);
                if (problem.isPresent()) {
                    return problem;
                }
            }
        }
        return Optional.empty();
    }

    static Optional<String> textProblem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return Optional.of("text must not contain the NUL character (\\u0000)");
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of("text must not contain an unpaired UTF-16 surrogate (\\u" + Integer.toHexString(c) + ")");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> numberProblem(JsonNode number) {
        if (number.isFloatingPointNumber() && !number.isBigDecimal()) {
            return Double.isFinite(number.doubleValue()) ? Optional.empty() : Optional.of("numbers must be finite");
        }
        if (!number.isBigDecimal()) {
            return Optional.empty(); // whole numbers: at most 1000 digits, the parser's limit
        }
        BigDecimal value = number.decimalValue();
        boolean fits = value.precision() - value.scale() <= MOST_INTEGER_DIGITS && value.scale() <= MOST_FRACTION_DIGITS;
        return fits ? Optional.empty() : Optional.of("the number " + Reasons.shorten(value.toString()) + " is out of range");
    }
}
