package com.labelmint.platform.error;

/**
 * A route that accepts bodies larger than {@code labelmint.http.max-body-size}, such as a bulk upload. A module
 * declares one as a CDI bean; {@link BodySizeLimits} then applies {@link #maxBodyBytes()} to it instead of the
 * general limit.
 *
 * <p>A declared {@code Content-Length} over the limit is refused before the body is read. A streamed (chunked)
 * body is <em>not</em> cut off by the HTTP layer on such a route: the route reads its body as a stream and must
 * stop at {@link #maxBodyBytes()} itself, which lets it answer with a problem document instead of a bare 413
 * and a closed connection.
 */
public interface LargeBodyRoute {

    /** Whether a request with this method and (normalised) path goes to the route. */
    boolean matches(String method, String path);

    long maxBodyBytes();
}
