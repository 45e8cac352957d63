package com.labelmint.platform.error;

/**
 * Implemented by a module whose handler reads a request body as a stream and enforces a size
 * limit of its own (a signed upload link names the size it allows; an import counts up to its
 * cap). The application-wide body limit ({@code labelmint.http.max-body-size}) is then not applied
 * to those paths ({@link BodySizeLimits}); a declared length above the HTTP layer's ceiling
 * ({@code quarkus.http.limits.max-body-size}) is still refused.
 */
public interface StreamedBodies {

    /** True when the handler of this (normalized) path limits its body itself. */
    boolean limitsOwnBody(String path);
}
