package com.labelmint.platform.error;

/** The problem for a bare HTTP status raised by the framework (unknown route, wrong method, ...). */
public final class HttpProblems {

    private HttpProblems() {
    }

    public static Problem forStatus(int status) {
        return switch (status) {
            case 400 -> Problem.of(400, "bad-request", "Bad request", "The request could not be understood");
            case 401 -> Problem.of(401, "unauthorized", "Unauthorized", "Sign in to use this resource");
            case 403 -> Problem.of(403, "forbidden", "Forbidden", "You may not do this");
            case 404 -> Problem.of(404, "not-found", "Not found", "There is nothing at this address");
            case 405 -> Problem.of(405, "method-not-allowed", "Method not allowed", "This address does not accept this HTTP method");
            case 406 -> Problem.of(406, "not-acceptable", "Not acceptable", "This resource cannot answer in the media type asked for");
            case 413 -> Problem.of(413, "payload-too-large", "Payload too large", "The request body is larger than this endpoint accepts");
            case 415 -> Problem.of(415, "unsupported-media-type", "Unsupported media type", "This endpoint does not accept the request's Content-Type");
            case 429 -> Problem.of(429, "rate-limited", "Too many requests", "Slow down and retry after the time in Retry-After");
            default -> Problem.of(status, "http-" + status, "HTTP " + status, "The request failed with status " + status);
        };
    }
}
