package com.labelmint.tasks.asset;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which media types may be uploaded. A bare {@code type/subtype} (RFC 6838 names, no parameters),
 * so the value is safe in a header and a URL as it is; and only types on the allow-list, so no
 * one stores a script or an HTML page that the application's own origin would later serve.
 */
final class ContentTypePolicy {

    private static final Pattern MEDIA_TYPE = Pattern.compile(
            "[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}");

    private final List<String> allowed;

    ContentTypePolicy(List<String> allowed) {
        this.allowed = allowed.stream().map(type -> type.trim().toLowerCase(Locale.ROOT)).toList();
    }

    /** Why this type cannot be uploaded, or empty when it can. */
    Optional<String> violationOf(String contentType) {
        if (contentType == null || !MEDIA_TYPE.matcher(contentType).matches()) {
            return Optional.of("A content type is a media type such as image/png, without parameters");
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        if (allowed.stream().noneMatch(entry -> matches(entry, type))) {
            return Optional.of("Allowed content types: " + String.join(", ", allowed));
        }
        return Optional.empty();
    }

    private static boolean matches(String entry, String type) {
        return entry.endsWith("/*") ? type.startsWith(entry.substring(0, entry.length() - 1)) : entry.equals(type);
    }
}
