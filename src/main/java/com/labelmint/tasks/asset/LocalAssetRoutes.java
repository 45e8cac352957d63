package com.labelmint.tasks.asset;

import com.labelmint.platform.error.StreamedBodies;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

/**
 * Serves the local store's links, {@code GET} and {@code PUT /api/v1/assets/local/projects/{projectId}/{name}},
 * only when the local store is the one in use. They are anonymous: the signature is the
 * authorisation. A Vert.x route rather than a REST resource, because an upload is streamed to disk
 * as it arrives and limited to the size its link names, not to the application-wide body limit.
 */
@ApplicationScoped
class LocalAssetRoutes implements StreamedBodies {

    static final String PREFIX = "/api/v1/assets/local/";

    /**
     * Just before Quarkus's own body-size check, which would refuse a large upload with a bare 413,
     * and after the filters (CORS, authentication, rate limiting), which still apply.
     */
    private static final int ORDER = RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1;

    private final boolean active;
    private final Instance<LocalAssetHandler> handler;

    LocalAssetRoutes(AssetsConfig config, Instance<LocalAssetHandler> handler) {
        this.active = config.store() == AssetsConfig.Store.LOCAL;
        this.handler = handler;
    }

    void install(@Observes Router router) {
        if (active) {
            router.route(PREFIX + "*").order(ORDER).handler(handler.get());
        }
    }

    @Override
    public boolean limitsOwnBody(String path) {
        return active && path.startsWith(PREFIX);
    }
}
