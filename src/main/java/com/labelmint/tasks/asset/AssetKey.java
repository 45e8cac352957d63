package com.labelmint.tasks.asset;

import com.labelmint.platform.error.ProblemException;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Where an asset lives: a project and a name inside it. The name is the client's relative file
 * name ({@code images/cat-001.jpg}), so that items can refer to files by the names they were
 * uploaded under. It is restricted to characters that mean the same in a URL path, an S3 key and a
 * file name, and no segment may start with a dot: a name can neither climb out of its project
 * ({@code ..}) nor be read two ways by two layers (percent-encoding, Unicode normalisation).
 */
public record AssetKey(UUID projectId, String name) {

    public static final int MAX_NAME_LENGTH = 255;
    private static final String PROJECTS = "projects/";
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*");

    public AssetKey {
        Objects.requireNonNull(projectId, "projectId");
        Optional<String> violation = violationOf(name);
        if (violation.isPresent()) {
            throw invalid(violation.get());
        }
    }

    /** Why a name cannot be an asset name, or empty when it can. */
    public static Optional<String> violationOf(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of("An asset name is required");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            return Optional.of("An asset name has at most " + MAX_NAME_LENGTH + " characters");
        }
        for (String segment : name.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches()) {
                return Optional.of("An asset name is made of letters, digits, '.', '_' and '-', with '/' between folders;"
                        + " no part may be empty or start with '.'");
            }
        }
        return Optional.empty();
    }

    /** The key in the store: {@code projects/{projectId}/{name}}. */
    public String objectKey() {
        return PROJECTS + projectId + "/" + name;
    }

    /** The inverse of {@link #objectKey()}, for keys that arrive in a URL. */
    public static AssetKey fromObjectKey(String objectKey) {
        if (!objectKey.startsWith(PROJECTS)) {
            throw invalid("An asset key starts with 'projects/'");
        }
        String rest = objectKey.substring(PROJECTS.length());
        int slash = rest.indexOf('/');
        if (slash < 0) {
            throw invalid("An asset key is 'projects/{projectId}/{name}'");
        }
        return new AssetKey(projectId(rest.substring(0, slash)), rest.substring(slash + 1));
    }

    private static UUID projectId(String text) {
        try {
            UUID id = UUID.fromString(text);
            // UUID.fromString also accepts short forms such as 1-2-3-4-5: one key, one spelling
            if (id.toString().equals(text)) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw invalid("An asset key names its project by id");
    }

    private static ProblemException invalid(String detail) {
        return ProblemException.badRequest("invalid-asset-name", detail);
    }
}
