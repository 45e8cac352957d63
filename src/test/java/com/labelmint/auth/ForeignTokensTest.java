package com.labelmint.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import com.labelmint.testing.JwtTestKeys;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.quarkus.test.junit.QuarkusTest;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tokens minted by an independent library (Nimbus JOSE + JWT): with our key and claims they are
 * accepted, so our tokens are plain standard JWTs; every kind of forgery is refused with 401.
 */
@QuarkusTest
class ForeignTokensTest {

    private String accountId;
    private String sessionId;

    @BeforeEach
    void signIn() {
        String email = AuthFlowTest.uniqueEmail();
        accountId = AuthFlowTest.register(email, AuthFlowTest.PASSWORD, "client").statusCode(201)
                .extract().jsonPath().getString("id");
        String accessToken = (String) AuthFlowTest.login(email, AuthFlowTest.PASSWORD).get("accessToken");
        sessionId = SignedJWTs.claim(accessToken, "sid");
    }

    private JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder().issuer("labelmint").subject(accountId).claim("upn", accountId)
                .claim("groups", List.of("client")).claim("sid", sessionId)
                .issueTime(new Date()).expirationTime(new Date(System.currentTimeMillis() + 600_000));
    }

    private static String rs256(JWTClaimsSet claims, RSAPrivateKey key) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    @Test
    void aTokenMintedElsewhereWithOurKeyIsAccepted() throws Exception {
        AuthFlowTest.me(rs256(claims().build(), JwtTestKeys.privateKey())).statusCode(200)
                .body("id", equalTo(accountId));
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        AuthFlowTest.me(rs256(claims().build(), (RSAPrivateKey) generator.generateKeyPair().getPrivate()))
                .statusCode(401).contentType("application/problem+json");
    }

    @Test
    void anUnsignedTokenIsRefused() {
        AuthFlowTest.me(new PlainJWT(claims().build()).serialize()).statusCode(401);
    }

    @Test
    void anHs256TokenKeyedWithOurPublicKeyIsRefused() throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims().build());
        jwt.sign(new MACSigner(JwtTestKeys.publicKey().getEncoded()));
        AuthFlowTest.me(jwt.serialize()).statusCode(401);
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() throws Exception {
        AuthFlowTest.me(rs256(claims().issuer("someone-else").build(), JwtTestKeys.privateKey())).statusCode(401);
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        Date past = new Date(System.currentTimeMillis() - 3_600_000);
        AuthFlowTest.me(rs256(claims().issueTime(new Date(past.getTime() - 900_000)).expirationTime(past).build(),
                JwtTestKeys.privateKey())).statusCode(401);
    }

    @Test
    void aTokenWithoutASessionOrWithAnUnknownOneIsRefused() throws Exception {
        AuthFlowTest.me(rs256(claims().claim("sid", null).build(), JwtTestKeys.privateKey())).statusCode(401);
        AuthFlowTest.me(rs256(claims().claim("sid", UUID.randomUUID().toString()).build(), JwtTestKeys.privateKey()))
                .statusCode(401);
    }

    @Test
    void garbageInTheAuthorizationHeaderIs401() {
        given().header("Authorization", "Bearer not.a.jwt").get("/api/v1/users/me").then().statusCode(401)
                .contentType("application/problem+json");
        given().header("Authorization", "Bearer " + "x".repeat(5000)).get("/api/v1/users/me").then().statusCode(401);
    }

    /** Reads a claim without checking: only to pick the session id out of our own token. */
    static final class SignedJWTs {
        static String claim(String token, String name) {
            try {
                Object value = SignedJWT.parse(token).getJWTClaimsSet().getClaim(name);
                return value == null ? null : value.toString();
            } catch (java.text.ParseException e) {
                throw new IllegalArgumentException(e);
            }
        }
    }
}
