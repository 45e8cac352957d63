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
 *
 * <p>Checking every character of every string is most of the cost, and needless for most lines: a strictly valid
 * UTF-8 line can only produce NUL or a lone surrogate through a NUL byte or a backslash-u escape, which
 * {@link #textMayBeUnsafe} looks for in the raw bytes first.
 */
final class JsonSafety {

    /** {@code numeric} holds up to 131072 digits before the decimal point and 16383 after it. */
    private static final int MOST_INTEGER_DIGITS = 131_072;
    private static final int MOST_FRACTION_DIGITS = 16_383;

    private JsonSafety() {
    }

    /** Whether the raw (valid UTF-8) bytes of a line could hold text that jsonb refuses. */
    static boolean textMayBeUnsafe(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            if (bytes[i] == 0 || bytes[i] == '\\' && i + 1 < length && bytes[i + 1] == 'u') {
                return true;
            }
        }
        return false;
    }

    /** Why jsonb would refuse {@code node}; its strings are only checked when {@code checkText}. */
    static Optional<String> problem(JsonNode node, boolean checkText) {
        if (node.isTextual()) {
            return checkText ? textProblem(node.textValue()) : Optional.empty();
        }
        if (node.isNumber()) {
            return numberProblem(node);
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                Optional<String> problem = (checkText ? textProblem(field.getKey()) : Optional.<String>empty())
                        .or(() -> problem(field.getValue(), checkText));
                if (problem.isPresent()) {
                    return problem;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                Optional<String> problem = problem(element, checkText);
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
