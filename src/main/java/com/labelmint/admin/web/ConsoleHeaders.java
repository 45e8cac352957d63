package com.labelmint.admin.web;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The console's pages load only our own stylesheet and script: a stricter Content-Security-Policy than the API's
 * (which lets the Telegram widget in), no inline script or style, forms posting only back to us; images also from
 * {@code labelmint.admin.image-origins}, where the items' assets are when they are not served by us.
 *
 * <p>Referrer-Policy {@code same-origin} instead of the platform's {@code no-referrer}: under {@code no-referrer} a
 * browser sends {@code Origin: null} with a form's POST, and the CORS filter refuses a POST from origin "null"
 * with 403 — every console form would fail in a real browser. Other sites still get no referrer.
 */
public class ConsoleHeaders {

    private final String contentSecurityPolicy;

    /**
     * @param imageOrigins where items' images come from besides this application: the S3 (or S3-compatible) origin of
     *                     the presigned links when assets live in S3; nothing for the local store, whose links are ours
     */
    ConsoleHeaders(@ConfigProperty(name = "labelmint.admin.image-origins") Optional<List<String>> imageOrigins) {
        this.contentSecurityPolicy = contentSecurityPolicy(imageOrigins.orElse(List.of()));
    }

    static String contentSecurityPolicy(List<String> imageOrigins) {
        String images = imageOrigins.stream().map(origin -> " " + origin.strip()).collect(Collectors.joining());
        return "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:" + images + "; "
                + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    }

    @ServerResponseFilter
    public void consolePolicy(ContainerResponseContext response, ResourceInfo resource) {
        if (resource.getResourceClass() != null && resource.getResourceClass().getPackageName().startsWith("com.labelmint.admin")) {
            response.getHeaders().putSingle("Content-Security-Policy", contentSecurityPolicy);
            response.getHeaders().putSingle("Referrer-Policy", "same-origin");
            response.getHeaders().putSingle("Cache-Control", "no-store");
        }
    }
}
