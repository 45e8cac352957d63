package com.labelmint.platform.error;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Problem documents for the errors that never reach the REST layer: an address nothing serves,
 * a body over the size limit, and failures inside the HTTP layer itself.
 */
@ApplicationScoped
public class HttpEdgeProblems {

    private static final Logger LOG = Logger.getLogger(HttpEdgeProblems.class);

    private final ObjectMapper json;
    private final long maxBodyBytes;
    private final List<StreamedBodies> streamedBodies;

    HttpEdgeProblems(ObjectMapper json,
                     @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10M") MemorySize maxBodySize,
                     Instance<StreamedBodies> streamedBodies) {
        this.json = json;
        this.maxBodyBytes = maxBodySize.asLongValue();
        this.streamedBodies = streamedBodies.stream().toList();
    }

    /**
     * A declared body over the limit is refused before it is read, with a problem, not an empty 413;
     * except on paths whose handlers stream the body and enforce a limit of their own.
     */
    void rejectOversizeBodies(@Observes Filters filters) {
        filters.register(context -> {
            String declaredLength = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (declaredLength != null && isOver(declaredLength) && !limitsOwnBody(context.normalizedPath())) {
                context.response().putHeader(HttpHeaders.CONNECTION, "close");
                send(context, HttpProblems.forStatus(413));
            } else {
                context.next();
            }
        }, Integer.MAX_VALUE);
    }

    private boolean limitsOwnBody(String path) {
        return streamedBodies.stream().anyMatch(streamed -> streamed.limitsOwnBody(path));
    }

    private boolean isOver(String declaredLength) {
        try {
            return Long.parseLong(declaredLength.trim()) > maxBodyBytes;
        } catch (NumberFormatException e) {
            return false; // Vert.x itself rejects a malformed Content-Length
        }
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MAX_VALUE).handler(context -> send(context, HttpProblems.forStatus(404)));
        router.route().order(Integer.MIN_VALUE).failureHandler(this::onFailure);
    }

    private void onFailure(RoutingContext context) {
        if (context.response().ended() || context.response().headWritten()) {
            context.next();
            return;
        }
        Throwable failure = context.failure();
        if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException) {
            // a bad, expired or revoked token met on the way in (the rate limiter resolves the
            // identity before routing): the same 401 the REST layer gives
            context.response().putHeader("WWW-Authenticate", "Bearer");
            send(context, HttpProblems.forStatus(401));
            return;
        }
        if (failure instanceof ForbiddenException) {
            send(context, HttpProblems.forStatus(403));
            return;
        }
        int status = context.statusCode();
        if (status == 413 || status == 400 || status == 404 || status == 405 || status == 415) {
            send(context, HttpProblems.forStatus(status));
        } else if (status == 401 || status == 403) {
            context.next(); // the security layer answers these itself
        } else {
            LOG.errorf(context.failure(), "HTTP layer failure on %s", context.normalizedPath());
            send(context, Problem.of(500, "internal", "Internal error", "Something went wrong on our side"));
        }
    }

    /** Ends the exchange with a problem document; for handlers that answer before the REST layer. */
    public void send(RoutingContext context, Problem problem) {
        try {
            context.response()
                    .setStatusCode(problem.status())
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(json.writeValueAsString(problem.withInstance(context.normalizedPath())));
        } catch (Exception e) {
            context.response().setStatusCode(problem.status()).end();
        }
    }
}
