package com.labelmint.platform.launch;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import org.jboss.logging.Logger;

/**
 * The token-signing key pair of a local run. Production gives its keys through configuration;
 * a machine with none configured gets a pair generated once into its data folder (never into the
 * source tree), so tokens survive restarts.
 */
final class DevSigningKeys {

    private static final Logger LOG = Logger.getLogger(DevSigningKeys.class);

    private DevSigningKeys() {
    }

    static void useOrCreateUnlessConfigured(Path dataDirectory) throws Exception {
        boolean signingConfigured = EmbeddedDatabase.setting("smallrye.jwt.sign.key.location").isPresent()
                || EmbeddedDatabase.setting("smallrye.jwt.sign.key").isPresent();
        boolean verifyingConfigured = EmbeddedDatabase.setting("mp.jwt.verify.publickey.location").isPresent()
                || EmbeddedDatabase.setting("mp.jwt.verify.publickey").isPresent();
        if (signingConfigured || verifyingConfigured) {
            return;
        }
        Path keys = dataDirectory.resolve("keys").toAbsolutePath();
        Path privateKey = keys.resolve("jwt-private.pem");
        Path publicKey = keys.resolve("jwt-public.pem");
        if (!Files.exists(privateKey) || !Files.exists(publicKey)) {
            Files.createDirectories(keys);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.writeString(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
            Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()), StandardCharsets.US_ASCII);
            restrictToOwner(privateKey);
            LOG.warnf("No JWT keys configured: generated a development key pair in %s (configure real keys in production)", keys);
        }
        System.setProperty("smallrye.jwt.sign.key.location", privateKey.toUri().toString());
        System.setProperty("mp.jwt.verify.publickey.location", publicKey.toUri().toString());
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static void restrictToOwner(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | java.io.IOException e) {
            LOG.debugf("Cannot restrict permissions of %s: %s", file, e.getMessage());
        }
    }
}
