package com.labelmint.tasks.asset;

import com.labelmint.platform.error.HttpEdgeProblems;
import com.labelmint.platform.error.ProblemException;
import com.labelmint.tasks.asset.LocalAssetFolder.LocalAsset;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Objects;

/** Answers one request on a local asset link: checks the link, then serves or receives the asset. */
@Singleton
class LocalAssetHandler implements Handler<RoutingContext> {

    /**
     * Uploaded files are served from the application's own origin: the browser must never run
     * them as a page (GitHub serves user content with the same policy).
     */
    static final String SANDBOX = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

    private final LocalUrlSigner signer;
    private final LocalAssetFolder folder;
    private final HttpEdgeProblems problems;
    private final Clock clock;

    LocalAssetHandler(LocalUrlSigner signer, LocalAssetFolder folder, HttpEdgeProblems problems, Clock clock) {
        this.signer = signer;
        this.folder = folder;
        this.problems = problems;
        this.clock = clock;
    }

    @Override
    public void handle(RoutingContext context) {
        HttpMethod method = context.request().method();
        try {
            if (!HttpMethod.GET.equals(method) && !HttpMethod.PUT.equals(method)) {
                context.response().putHeader(HttpHeaders.ALLOW, "GET, PUT");
                throw new ProblemException(405, "method-not-allowed", "Method not allowed", "Asset links take GET or PUT");
            }
            AssetKey key = AssetKey.fromObjectKey(context.normalizedPath().substring(LocalAssetRoutes.PREFIX.length()));
            LocalGrant grant = grantOf(context, key);
            signer.check(grant, context.request().getParam("signature"));
            if (HttpMethod.GET.equals(method)) {
                download(context, grant);
            } else {
                new LocalUploadStream(context, grant, folder, problems).start();
            }
        } catch (ProblemException e) {
            Refusal.send(context, e.problem(), problems);
        }
    }

    /** The grant the request claims; only the signature check says whether it was ever issued. */
    private static LocalGrant grantOf(RoutingContext context, AssetKey key) {
        Instant expiresAt = epochSecond(context.request().getParam("expires"));
        if (HttpMethod.GET.equals(context.request().method())) {
            return LocalGrant.download(key, expiresAt);
        }
        String contentType = Objects.requireNonNullElse(context.request().getHeader(HttpHeaders.CONTENT_TYPE), "");
        return LocalGrant.upload(key, expiresAt, contentType, number(context.request().getParam("size")));
    }

    private static Instant epochSecond(String text) {
        try {
            return Instant.ofEpochSecond(number(text));
        } catch (DateTimeException e) {
            throw LocalUrlSigner.invalidLink();
        }
    }

    private static long number(String text) {
        if (text == null) {
            throw LocalUrlSigner.invalidLink();
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw LocalUrlSigner.invalidLink();
        }
    }

    private void download(RoutingContext context, LocalGrant grant) {
        context.vertx().executeBlocking(() -> folder.find(grant.key()), false)
                .onSuccess(found -> found.ifPresentOrElse(
                        asset -> send(context, asset, grant),
                        () -> problems.send(context, ProblemException.notFound("This asset").problem())))
                .onFailure(context::fail);
    }

    private void send(RoutingContext context, LocalAsset asset, LocalGrant grant) {
        long secondsLeft = Math.max(0, grant.expiresAt().getEpochSecond() - clock.instant().getEpochSecond());
        context.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, asset.contentType())
                .putHeader("Content-Security-Policy", SANDBOX)
                .putHeader(HttpHeaders.CACHE_CONTROL, "private, max-age=" + secondsLeft)
                .sendFile(asset.file().toString(), asset.offset(), asset.sizeBytes())
                .onFailure(context::fail);
    }
}
