package com.labelmint.platform.error;

/**
 * Implemented by a module whose handler reads a request body as a stream and enforces a size
 * limit of its own (a signed upload link names the size it allows). The application-wide body
 * limit ({@code labelmint.http.max-body-size}) is then not applied to those paths at the edge.
 */
public interface StreamedBodies {

    /** True when the handler of this (normalized) path limits its body itself. */
    boolean limitsOwnBody(String path);
}
