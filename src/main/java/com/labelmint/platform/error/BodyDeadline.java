package com.labelmint.platform.error;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A request body must arrive within {@code labelmint.http.body-deadline}, or the request is answered 408 and its
 * connection closed. Quarkus REST reads the body of a blocking endpoint on a worker thread, blocking: a client that
 * sends a body slowly, or never finishes it (slowloris), holds a worker thread until then, and enough of them would
 * hold every worker. The deadline bounds how long any one client can do that. Paths whose handlers stream large
 * bodies ({@link StreamedBodies}: imports, asset uploads) read on the event loop and are left alone. In production
 * the ingress should buffer request bodies as well (nginx does by default), so that slow clients never reach us.
 */
@ApplicationScoped
public class BodyDeadline {

    private final HttpEdgeProblems problems;
    private final BodySizeLimits limits;
    private final Vertx vertx;
    private final long deadlineMillis;

    BodyDeadline(HttpEdgeProblems problems, BodySizeLimits limits, Vertx vertx,
                 @ConfigProperty(name = "labelmint.http.body-deadline", defaultValue = "10s") Duration deadline) {
        this.problems = problems;
        this.limits = limits;
        this.vertx = vertx;
        this.deadlineMillis = deadline.toMillis();
    }

    void enforce(@Observes Filters filters) {
        filters.register(context -> {
            long declared = declaredLength(context.request());
            if (declared > 0 && !limits.limitsOwnBody(context)) {
                long timer = vertx.setTimer(deadlineMillis, fired -> refuseUnfinished(context, declared));
                context.addEndHandler(ended -> vertx.cancelTimer(timer));
            }
            context.next();
        }, Integer.MAX_VALUE - 1);
    }

    /**
     * Bytes count as arrived when the connection has received them, whether or not a reader has taken them yet: a
     * request whose whole body is here but waits for a worker thread is not the client's fault.
     */
    private void refuseUnfinished(RoutingContext context, long declared) {
        HttpServerRequest request = context.request();
        if (request.bytesRead() >= declared || context.response().ended()) {
            return;
        }
        if (context.response().headWritten()) {
            request.connection().close();
            return;
        }
        context.response().putHeader(HttpHeaders.CONNECTION, "close").endHandler(sent -> request.connection().close());
        problems.send(context, Problem.of(408, "request-timeout", "Request timeout",
                "The request body did not arrive within " + deadlineMillis / 1000.0 + " s"));
    }

    /** The declared Content-Length; 0 when there is none (chunked bodies are left to the reader's own timeout). */
    private static long declaredLength(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        try {
            return length == null ? 0 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return 0; // Vert.x itself refuses a malformed Content-Length
        }
    }
}
