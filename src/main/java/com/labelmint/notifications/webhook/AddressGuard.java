package com.labelmint.notifications.webhook;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Which webhook URLs this server will call (decisions/webhook-ssrf.md): absolute {@code https} URLs (plain http too
 * where configured, for local receivers in dev and test) without credentials in them, whose host resolves only to
 * public addresses unless private ones are allowed. Checked when an endpoint is registered and again before every
 * attempt, since a name may resolve elsewhere later.
 */
final class AddressGuard {

    private final boolean requireHttps;
    private final boolean allowPrivate;

    AddressGuard(boolean requireHttps, boolean allowPrivate) {
        this.requireHttps = requireHttps;
        this.allowPrivate = allowPrivate;
    }

    /** Why the URL is not one to call, or empty when it is. */
    Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("not a URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && !requireHttps)) {
            return Optional.of(requireHttps ? "only https URLs are called" : "only http and https URLs are called");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            return Optional.of("the URL needs a host, and no user information or fragment");
        }
        return allowPrivate ? Optional.empty() : privateAddressRefusal(uri.getHost());
    }

    private static Optional<String> privateAddressRefusal(String host) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return Optional.of("the host " + host + " does not resolve");
        }
        for (InetAddress address : addresses) {
            if (internal(address)) {
                return Optional.of("the host " + host + " resolves to an internal address (" + address.getHostAddress() + ")");
            }
        }
        return Optional.empty();
    }

    /** Loopback, private (RFC 1918), link-local (cloud metadata), carrier-grade NAT, unique-local IPv6, multicast, unspecified. */
    static boolean internal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            return (bytes[0] & 0xfe) == 0xfc;
        }
        int first = bytes[0] & 0xff;
        int second = bytes[1] & 0xff;
        return first == 100 && second >= 64 && second < 128 || first == 0 || first >= 240;
    }
}
