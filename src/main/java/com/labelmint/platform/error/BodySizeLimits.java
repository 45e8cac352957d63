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
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Request body limits per route: {@code labelmint.http.max-body-size} everywhere, except on the
 * {@link LargeBodyRoute}s modules declare.
 *
 * <p>The HTTP layer has a single limit of its own ({@code quarkus.http.limits.max-body-size}), checked before
 * any of ours; it is set to the largest limit any route has (a ceiling), and the routes' limits are applied
 * here, in two steps around it: a declared length is judged before the HTTP layer's check, so the refusal is a
 * problem document; a streamed body's limit is set after it, because the HTTP layer puts its ceiling into the
 * request for the body reader to enforce.
 */
@ApplicationScoped
public class BodySizeLimits {

    /** The HTTP layer's upload-limit handler runs at route order -2; a filter of priority p runs at order -p. */
    private static final int AFTER_THE_HTTP_LAYER_LIMIT = 1;

    private final HttpEdgeProblems problems;
    private final List<LargeBodyRoute> largeBodyRoutes;
    private final long defaultLimit;

    BodySizeLimits(HttpEdgeProblems problems, Instance<LargeBodyRoute> largeBodyRoutes,
                   @ConfigProperty(name = "labelmint.http.max-body-size", defaultValue = "1M") MemorySize defaultLimit,
                   @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10M") MemorySize ceiling) {
        this.problems = problems;
        this.largeBodyRoutes = largeBodyRoutes.stream().toList();
        this.defaultLimit = defaultLimit.asLongValue();
        for (LargeBodyRoute route : this.largeBodyRoutes) {
            if (route.maxBodyBytes() > ceiling.asLongValue()) {
                throw new IllegalStateException("quarkus.http.limits.max-body-size (" + ceiling.asLongValue()
                        + " bytes) is below the body limit of " + route.getClass().getName() + " (" + route.maxBodyBytes()
                        + " bytes): the HTTP layer would refuse bodies the route accepts");
            }
        }
    }

    /**
     * A declared body over the limit is refused before it is read, with a problem, not an empty 413; then the
     * connection is closed, since the unread body would otherwise have to be received and thrown away first.
     */
    void rejectDeclaredOversize(@Observes Filters filters) {
        filters.register(context -> {
            String declaredLength = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (declaredLength != null && isOver(declaredLength, limitOf(context))) {
                context.response().putHeader(HttpHeaders.CONNECTION, "close")
                        .endHandler(sent -> context.request().connection().close());
                problems.send(context, HttpProblems.forStatus(413));
            } else {
                context.next();
            }
        }, Integer.MAX_VALUE);
    }

    /** Replaces the ceiling the HTTP layer gave a streamed body with the route's own limit. */
    void limitStreamedBodies(@Observes Filters filters) {
        filters.register(context -> {
            if (context.request().getHeader(HttpHeaders.CONTENT_LENGTH) == null) {
                if (largeBodyRoute(context).isPresent()) {
                    context.remove(VertxHttpRecorder.MAX_REQUEST_SIZE_KEY);
                } else {
                    context.put(VertxHttpRecorder.MAX_REQUEST_SIZE_KEY, defaultLimit);
                }
            }
            context.next();
        }, AFTER_THE_HTTP_LAYER_LIMIT);
    }

    private long limitOf(RoutingContext context) {
        return largeBodyRoute(context).map(LargeBodyRoute::maxBodyBytes).orElse(defaultLimit);
    }

    private Optional<LargeBodyRoute> largeBodyRoute(RoutingContext context) {
        String method = context.request().method().name();
        String path = context.normalizedPath();
        return largeBodyRoutes.stream().filter(route -> route.matches(method, path)).findFirst();
    }

    private static boolean isOver(String declaredLength, long limit) {
        try {
            return Long.parseLong(declaredLength.trim()) > limit;
        } catch (NumberFormatException e) {
            return false; // Vert.x itself rejects a malformed Content-Length
        }
    }
}
