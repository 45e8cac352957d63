package com.labelmint.admin.web;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The console's pages load only our own stylesheet and script: a stricter Content-Security-Policy than the API's
 * (which lets the Telegram widget in), no inline script or style, forms posting only back to us.
 *
 * <p>Referrer-Policy {@code same-origin} instead of the platform's {@code no-referrer}: under {@code no-referrer} a
 * browser sends {@code Origin: null} with a form's POST, and the CORS filter refuses a POST from origin "null"
 * with 403 — every console form would fail in a real browser. Other sites still get no referrer.
 */
public class ConsoleHeaders {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    @ServerResponseFilter
    public void consolePolicy(ContainerResponseContext response, ResourceInfo resource) {
        if (resource.getResourceClass() != null && resource.getResourceClass().getPackageName().startsWith("com.labelmint.admin")) {
            response.getHeaders().putSingle("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            response.getHeaders().putSingle("Referrer-Policy", "same-origin");
            response.getHeaders().putSingle("Cache-Control", "no-store");
        }
    }
}
