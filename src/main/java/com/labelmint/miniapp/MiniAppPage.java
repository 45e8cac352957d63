package com.labelmint.miniapp;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

/**
 * The Mini App's page: the same for everyone (who the visitor is comes from Telegram's {@code initData}, read by the
 * script), so it is public and holds no data. Telegram's menu button opens it.
 */
@Path("/app")
public class MiniAppPage {

    @CheckedTemplate(basePath = "miniapp")
    static final class Templates {

        private Templates() {
        }

        static native TemplateInstance app();
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page(@Context HttpServerResponse response) {
        MiniAppHeaders.frameableByTelegram(response);
        return Templates.app();
    }
}
