package com.labelmint.miniapp;

import io.vertx.core.http.HttpServerResponse;

/**
 * The one page of the site that may be framed, and only by Telegram: Telegram Web opens Mini Apps in an iframe of
 * {@code https://web.telegram.org} (the mobile and desktop clients use a web view, which is not framing).
 *
 * <p>The platform sets {@code X-Frame-Options: DENY} and a {@code frame-ancestors 'none'} policy on the Vert.x response
 * before any handler runs (application.properties); they are replaced here on that same response, since a second
 * Content-Security-Policy header would be enforced together with the first and still forbid framing.
 *
 * <p>Otherwise the policy is strict: scripts from this origin and Telegram's {@code telegram-web-app.js} only, no
 * inline script or style, API calls to this origin only. Images may come from any https origin: an item's image is
 * a presigned S3 link or any https URL the client imported. {@code same-origin} referrers because under the
 * platform's {@code no-referrer} a browser sends {@code Origin: null} with the script's POSTs, which CORS refuses.
 */
final class MiniAppHeaders {

    static final String TELEGRAM_WEB = "https://web.telegram.org";
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self' https://telegram.org; "
            + "style-src 'self'; img-src 'self' https: data: blob:; connect-src 'self'; "
            + "frame-ancestors " + TELEGRAM_WEB + "; base-uri 'none'; form-action 'none'";

    private MiniAppHeaders() {
    }

    static void frameableByTelegram(HttpServerResponse response) {
        response.headers().remove("X-Frame-Options");
        response.headers().set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.headers().set("Referrer-Policy", "same-origin");
    }
}
