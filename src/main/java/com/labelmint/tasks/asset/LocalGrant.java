package com.labelmint.tasks.asset;

import java.time.Instant;

/**
 * What one local asset link allows: one method on one key until a moment (whole seconds, as the
 * link carries it), and for an upload the exact Content-Type and size. Its canonical form is what
 * the link's signature covers; the key, type and size are restricted to characters without line
 * breaks, so no two grants share a canonical form.
 */
record LocalGrant(String method, AssetKey key, Instant expiresAt, String contentType, long sizeBytes) {

    /** Changes whenever the canonical form does, so old links fail cleanly instead of meaning something else. */
    private static final String FORMAT = "labelmint-asset-link-v1";

    static LocalGrant upload(AssetKey key, Instant expiresAt, String contentType, long sizeBytes) {
        return new LocalGrant("PUT", key, expiresAt, contentType, sizeBytes);
    }

    static LocalGrant download(AssetKey key, Instant expiresAt) {
        return new LocalGrant("GET", key, expiresAt, "", 0);
    }

    String canonical() {
        return String.join("\n", FORMAT, method, key.objectKey(), Long.toString(expiresAt.getEpochSecond()), contentType,
                Long.toString(sizeBytes));
    }

    /** The query string of a link for this grant: what the server needs to rebuild it, and the signature. */
    String query(String signature) {
        String size = method.equals("PUT") ? "&size=" + sizeBytes : "";
        return "expires=" + expiresAt.getEpochSecond() + size + "&signature=" + signature;
    }
}
