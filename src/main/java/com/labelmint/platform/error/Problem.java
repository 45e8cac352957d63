package com.labelmint.platform.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem document, the body of every error response. {@code type} is stable per kind
 * of error, so clients branch on it; {@code title} is the same for every instance of that type;
 * {@code detail} explains this occurrence.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:labelmint:problem:";

    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem(TYPE_PREFIX + slug, title, status, detail, null, List.of());
    }

    /** Bad input, field by field: the same problem whether bean validation or a module found it. */
    public static Problem invalidFields(List<FieldError> fieldErrors) {
        return of(400, "validation", "Invalid request", "Some fields are invalid").withErrors(fieldErrors);
    }

    public Problem withInstance(String path) {
        return new Problem(type, title, status, detail, path, errors);
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, instance, List.copyOf(fieldErrors));
    }

    /** One invalid field: a JSON-pointer-like path into the request, and what is wrong with it. */
    public record FieldError(String field, String message) {
    }
}
