package com.labelmint.tasks.asset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The secret the local store signs its links with: the configured one, or one generated once
 * into the data folder and read back on every later start, so links survive a restart (as the
 * launcher does for the JWT keys). Only this module reads it, so it is resolved here rather than
 * before Quarkus starts.
 */
final class LocalSigningKey {

    static final int MIN_LENGTH = 32;
    private static final Logger LOG = Logger.getLogger(LocalSigningKey.class);

    private LocalSigningKey() {
    }

    static byte[] resolve(Optional<String> configured, Path keyFile) {
        if (configured.isPresent()) {
            if (configured.get().length() < MIN_LENGTH) {
                throw new IllegalStateException("labelmint.assets.local.signing-key needs at least " + MIN_LENGTH + " characters");
            }
            return configured.get().getBytes(StandardCharsets.UTF_8);
        }
        try {
            if (!Files.exists(keyFile)) {
                generate(keyFile);
            }
            return Files.readString(keyFile, StandardCharsets.US_ASCII).trim().getBytes(StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the asset link signing key " + keyFile, e);
        }
    }

    private static void generate(Path keyFile) throws IOException {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        Files.createDirectories(keyFile.toAbsolutePath().getParent());
        Files.writeString(keyFile, Base64.getUrlEncoder().withoutPadding().encodeToString(secret), StandardCharsets.US_ASCII);
        try {
            Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            LOG.debugf("Cannot restrict permissions of %s on this file system", keyFile);
        }
        LOG.warnf("No labelmint.assets.local.signing-key configured: generated one in %s", keyFile.toAbsolutePath());
    }
}
