package com.labelmint.auth.telegram;

import com.labelmint.auth.telegram.TelegramAuthException.Reason;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The text Telegram signs: the fields but the excluded ones, sorted by key, as {@code key=value}
 * lines joined with {@code \n}.
 */
final class DataCheckString {

    private DataCheckString() {
    }

    static String of(Map<String, String> fields, Set<String> excludedKeys) {
        List<Map.Entry<String, String>> signed = fields.entrySet().stream()
                .filter(field -> !excludedKeys.contains(field.getKey()))
                .sorted(Map.Entry.comparingByKey())
                .toList();
        signed.forEach(DataCheckString::requireUnambiguous);
        return signed.stream()
                .map(field -> field.getKey() + "=" + field.getValue())
                .collect(Collectors.joining("\n"));
    }

    /**
     * The format has no escaping, so a newline in a value or a '=' in a key would let the same
     * signed text be re-cut into different fields (a value that swallows the next line, say).
     * Telegram never sends either, so refusing them costs nothing.
     */
    private static void requireUnambiguous(Map.Entry<String, String> field) {
        String key = field.getKey();
        String value = field.getValue();
        if (key.isEmpty() || key.indexOf('=') >= 0 || key.indexOf('\n') >= 0
                || value == null || value.indexOf('\n') >= 0) {
            throw new TelegramAuthException(Reason.MALFORMED,
                    "Telegram data has a field that would make the data-check-string ambiguous");
        }
    }
}
