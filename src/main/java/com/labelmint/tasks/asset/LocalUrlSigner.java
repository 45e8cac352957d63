package com.labelmint.tasks.asset;

import com.labelmint.platform.error.ProblemException;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signs local asset links (HMAC-SHA256 over the grant's canonical form) and checks the ones that
 * come back. The signature is the only authorisation these links carry.
 */
@Singleton
class LocalUrlSigner {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    private final Clock clock;

    LocalUrlSigner(AssetsConfig config, @ConfigProperty(name = "labelmint.data-dir", defaultValue = "data") String dataDir,
                   Clock clock) {
        Path keyFile = Path.of(dataDir, "keys", "asset-link-signing.key");
        this.key = new SecretKeySpec(LocalSigningKey.resolve(config.local().signingKey(), keyFile), ALGORITHM);
        this.clock = clock;
    }

    String sign(LocalGrant grant) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] digest = mac.doFinal(grant.canonical().getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }

    /**
     * Refuses (403) a link whose signature does not match the request, then one that has expired:
     * in that order, so only a genuine link is ever told that it is merely old.
     */
    void check(LocalGrant grant, String signature) {
        byte[] expected = sign(grant).getBytes(StandardCharsets.US_ASCII);
        if (signature == null || !MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
            throw invalidLink();
        }
        if (clock.instant().isAfter(grant.expiresAt())) {
            throw new ProblemException(403, "asset-link-expired", "Asset link expired", "This link has expired; ask for a new one");
        }
    }

    /** A link that this application did not issue for this request, whichever part of it is wrong. */
    static ProblemException invalidLink() {
        return new ProblemException(403, "asset-link-invalid", "Invalid asset link",
                "This link was not issued for this request: another asset, method, Content-Type or size, or it was altered");
    }
}
