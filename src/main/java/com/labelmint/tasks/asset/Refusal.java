package com.labelmint.tasks.asset;

import com.labelmint.platform.error.HttpEdgeProblems;
import com.labelmint.platform.error.Problem;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses a request on an asset link whose body may still be arriving. Most HTTP clients read the
 * answer only after sending their whole body, so the rest of it is read and dropped: the client
 * gets the problem instead of a broken pipe. Past a limit the exchange is cut: the connection for
 * HTTP/1.x, the stream for HTTP/2 (RFC 9113, 8.1: a reset with NO_ERROR after a complete response).
 */
final class Refusal {

    static final long DRAIN_LIMIT = 1024 * 1024;

    private Refusal() {
    }

    static void send(RoutingContext context, Problem problem, HttpEdgeProblems problems) {
        HttpServerRequest request = context.request();
        if (!request.isEnded()) {
            drain(request);
        }
        problems.send(context, problem);
    }

    private static void drain(HttpServerRequest request) {
        long[] dropped = {0};
        request.handler(chunk -> {
            dropped[0] += chunk.length();
            if (dropped[0] > DRAIN_LIMIT) {
                request.handler(null);
                cut(request);
            }
        });
        request.resume();
    }

    private static void cut(HttpServerRequest request) {
        if (request.version() == HttpVersion.HTTP_2) {
            request.response().reset(0);
        } else {
            request.connection().close();
        }
    }
}
