package com.labelmint.platform.ratelimit;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** The address a request is counted under. */
@Singleton
public class ClientIpResolver {

    static final String FORWARDED_FOR = "X-Forwarded-For";
    /** The longest textual IPv6 address; anything longer is not an address and must not become a key. */
    private static final int MAX_ADDRESS_LENGTH = 45;

    private final boolean trustForwardedFor;

    @Inject
    ClientIpResolver(RateLimitConfig config) {
        this(config.trustForwardedFor());
    }

    ClientIpResolver(boolean trustForwardedFor) {
        this.trustForwardedFor = trustForwardedFor;
    }

    public String resolve(HttpServerRequest request) {
        SocketAddress peer = request.remoteAddress();
        return resolve(peer == null ? null : peer.hostAddress(), request.getHeader(FORWARDED_FOR));
    }

    /**
     * The TCP peer, or the first {@code X-Forwarded-For} hop when that header is trusted. The header
     * is honoured only when configured so (see {@link RateLimitConfig#trustForwardedFor()}): any
     * client can write it, and only a proxy in front that replaces it makes it true.
     */
    String resolve(String peerAddress, String forwardedFor) {
        if (trustForwardedFor && forwardedFor != null) {
            String firstHop = forwardedFor.split(",", 2)[0].trim();
            if (!firstHop.isEmpty() && firstHop.length() <= MAX_ADDRESS_LENGTH) {
                return firstHop;
            }
        }
        return peerAddress == null || peerAddress.isBlank() ? "unknown" : peerAddress;
    }
}
