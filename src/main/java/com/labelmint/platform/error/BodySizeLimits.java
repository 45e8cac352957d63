package com.labelmint.platform.error;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.VertxHttpRecorder;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Request body limits: {@code labelmint.http.max-body-size} on every path, except the paths whose handlers read
 * the body as a stream and limit it themselves ({@link StreamedBodies}: asset uploads, item imports).
 *
 * <p>The HTTP layer has one limit of its own ({@code quarkus.http.limits.max-body-size}), checked before the
 * routes run: it is set to the largest body any handler accepts (a ceiling), and the limits are applied here, in
 * two steps around it. A declared length is judged before the HTTP layer's check, so the refusal is a problem
 * document; a streamed body's limit is set after it, because the HTTP layer puts its ceiling into the request
 * for the body reader to enforce.
 */
@ApplicationScoped
public class BodySizeLimits {

    /** The HTTP layer's upload-limit handler runs at route order -2; a filter of priority p runs at order -p. */
    private static final int AFTER_THE_HTTP_LAYER_LIMIT = 1;

    private final HttpEdgeProblems problems;
    private final List<StreamedBodies> streamedBodies;
    private final long defaultLimit;
    private final long ceiling;

    BodySizeLimits(HttpEdgeProblems problems, Instance<StreamedBodies> streamedBodies,
                   @ConfigProperty(name = "labelmint.http.max-body-size", defaultValue = "1M") MemorySize defaultLimit,
                   @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10M") MemorySize ceiling) {
        this.problems = problems;
        this.streamedBodies = streamedBodies.stream().toList();
        this.defaultLimit = defaultLimit.asLongValue();
        this.ceiling = ceiling.asLongValue();
    }

    /**
     * A declared body over the limit is refused before it is read, with a problem rather than a bare 413, and the
     * connection is closed, since the unread body would otherwise have to be received and thrown away first. On a
     * streamed-body path only what the HTTP layer refuses anyway (over the ceiling) is refused here.
     */
    void rejectDeclaredOversize(@Observes Filters filters) {
        filters.register(context -> {
            String declaredLength = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            long limit = limitsOwnBody(context) ? ceiling : defaultLimit;
            if (declaredLength != null && isOver(declaredLength, limit)) {
                context.response().putHeader(HttpHeaders.CONNECTION, "close")
                        .endHandler(sent -> context.request().connection().close());
                problems.send(context, HttpProblems.forStatus(413));
            } else {
                context.next();
            }
        }, Integer.MAX_VALUE);
    }

    /** Replaces the ceiling the HTTP layer gave a streamed (chunked) body: the path's own limit, or none. */
    void limitStreamedBodies(@Observes Filters filters) {
        filters.register(context -> {
            if (context.request().getHeader(HttpHeaders.CONTENT_LENGTH) == null) {
                if (limitsOwnBody(context)) {
                    context.remove(VertxHttpRecorder.MAX_REQUEST_SIZE_KEY);
                } else {
                    context.put(VertxHttpRecorder.MAX_REQUEST_SIZE_KEY, defaultLimit);
                }
            }
            context.next();
        }, AFTER_THE_HTTP_LAYER_LIMIT);
    }

    /** Whether the path's handler reads its body as a stream and limits it itself. */
    boolean limitsOwnBody(RoutingContext context) {
        String path = context.normalizedPath();
        return streamedBodies.stream().anyMatch(streamed -> streamed.limitsOwnBody(path));
    }

    private static boolean isOver(String declaredLength, long limit) {
        try {
            return Long.parseLong(declaredLength.trim()) > limit;
        } catch (NumberFormatException e) {
            return false; // Vert.x itself rejects a malformed Content-Length
        }
    }
}
