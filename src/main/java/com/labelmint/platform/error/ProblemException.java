package com.labelmint.platform.error;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Thrown by any module to answer with a problem document. The slug names the kind of error and
 * becomes the stable {@code type}; keep it the same for the same kind of error everywhere.
 */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;
    private final transient Map<String, String> headers;

    public ProblemException(int status, String slug, String title, String detail) {
        this(Problem.of(status, slug, title, detail), Map.of());
    }

    private ProblemException(Problem problem, Map<String, String> headers) {
        super(problem.detail());
        this.problem = problem;
        this.headers = headers;
    }

    public Problem problem() {
        return problem;
    }

    /** Response headers that go with the problem, such as {@code Retry-After}. */
    public Map<String, String> headers() {
        return headers;
    }

    public ProblemException withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ProblemException(problem, Map.copyOf(more));
    }

    /** The same problem, listing each invalid field of the request. */
    public ProblemException withFieldErrors(List<Problem.FieldError> fieldErrors) {
        return new ProblemException(problem.withErrors(fieldErrors), headers);
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, "not-found", "Not found", what + " does not exist");
    }

    public static ProblemException conflict(String slug, String detail) {
        return new ProblemException(409, slug, "Conflict", detail);
    }

    public static ProblemException badRequest(String slug, String detail) {
        return new ProblemException(400, slug, "Bad request", detail);
    }

    /** Several fields of one request are wrong: all of them are named, so one round trip fixes them. */
    public static ProblemException invalidFields(List<Problem.FieldError> fieldErrors) {
        return new ProblemException(Problem.invalidFields(fieldErrors), Map.of());
    }
}
