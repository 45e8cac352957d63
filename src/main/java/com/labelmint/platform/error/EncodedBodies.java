package com.labelmint.platform.error;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A request body sent with a {@code Content-Encoding} (gzip, deflate, br…) is refused with 415 before it is read.
 * LabelMint never inflates request bodies: size limits count the bytes on the wire, and inflating would let a few
 * kilobytes of gzip become gigabytes in memory or on disk (a zip bomb). Without this refusal such a body would be
 * read as it came, and the client would get a misleading "malformed JSON" or, worse, an asset stored compressed
 * under an image's content type. Browsers, the Bot API and our clients never encode request bodies.
 */
@ApplicationScoped
public class EncodedBodies {

    private static final int FIRST = Integer.MAX_VALUE;

    private final HttpEdgeProblems problems;

    EncodedBodies(HttpEdgeProblems problems) {
        this.problems = problems;
    }

    void refuseEncodedBodies(@Observes Filters filters) {
        filters.register(context -> {
            String encoding = context.request().getHeader(HttpHeaders.CONTENT_ENCODING);
            if (encoding == null || encoding.isBlank() || encoding.trim().equalsIgnoreCase("identity")) {
                context.next();
                return;
            }
            if (context.request().version() != HttpVersion.HTTP_2) {
                // the unread body would otherwise have to be received and thrown away before the next request;
                // an HTTP/2 stream is reset on its own, and closing its connection would cut off other streams
                context.response().putHeader(HttpHeaders.CONNECTION, "close")
                        .endHandler(sent -> context.request().connection().close());
            }
            problems.send(context, Problem.of(415, "unsupported-content-encoding", "Unsupported content encoding",
                    "Request bodies are accepted only unencoded; this one came with Content-Encoding: " + encoding.trim()));
        }, FIRST);
    }
}
