package com.labelmint.platform.error;

/**
 * Thrown by any module to answer with a problem document. The slug names the kind of error and
 * becomes the stable {@code type}; keep it the same for the same kind of error everywhere.
 */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(int status, String slug, String title, String detail) {
        super(detail);
        this.problem = Problem.of(status, slug, title, detail);
    }

    public Problem problem() {
        return problem;
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
}
