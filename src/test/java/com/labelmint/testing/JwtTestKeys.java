package com.labelmint.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;

/**
 * A fresh RS256 key pair for each test run, written before Quarkus boots to the locations that
 * the test profile names (so nothing secret is ever committed). Tests read it back to mint their
 * own tokens with an independent library.
 */
public class JwtTestKeys implements QuarkusTestResourceLifecycleManager {

    static final Path DIRECTORY = Path.of("target", "test-keys");
    static final Path PRIVATE_KEY = DIRECTORY.resolve("jwt-private.pem");
    static final Path PUBLIC_KEY = DIRECTORY.resolve("jwt-public.pem");

    @Override
    public Map<String, String> start() {
        try {
            if (!Files.exists(PRIVATE_KEY) || !Files.exists(PUBLIC_KEY)) {
                Files.createDirectories(DIRECTORY);
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                Files.writeString(PRIVATE_KEY, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
                Files.writeString(PUBLIC_KEY, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            }
            return Map.of();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create the test JWT keys", e);
        }
    }

    @Override
    public void stop() {
    }

    /**
     * The environment that makes a packaged application ({@code AppProcess}) sign and verify tokens with this run's
     * key pair instead of generating one of its own: instances that share it accept each other's tokens, as replicas
     * given the same keys in production do.
     */
    public static Map<String, String> applicationEnvironment() {
        new JwtTestKeys().start();
        return Map.of(
                "SMALLRYE_JWT_SIGN_KEY_LOCATION", PRIVATE_KEY.toAbsolutePath().toUri().toString(),
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", PUBLIC_KEY.toAbsolutePath().toUri().toString());
    }

    public static RSAPrivateKey privateKey() throws Exception {
        return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der(PRIVATE_KEY)));
    }

    public static RSAPublicKey publicKey() throws Exception {
        return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der(PUBLIC_KEY)));
    }

    private static byte[] der(Path pem) throws Exception {
        String body = Files.readString(pem, StandardCharsets.US_ASCII).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
