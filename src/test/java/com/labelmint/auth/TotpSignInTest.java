package com.labelmint.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.labelmint.testing.Rfc6238;
import com.nimbusds.jwt.SignedJWT;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** TOTP enrolment and sign-in, with codes computed here by an RFC 6238 implementation of the test's own. */
@QuarkusTest
class TotpSignInTest {

    @Inject
    DataSource dataSource;

    @Test
    void theRfc6238VectorHoldsForTheTestsOwnGenerator() throws Exception {
        // RFC 6238 appendix B, SHA-1, T = 59 s: 94287082 (8 digits), so 287082 with 6
        assertThat(Rfc6238.code("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", 59 / 30)).isEqualTo("287082");
    }

    @Test
    void enrolConfirmThenEverySignInNeedsAFreshCodeOrAnUnusedRecoveryCode() throws Exception {
        String email = AuthFlowTest.uniqueEmail();
        AuthFlowTest.register(email, AuthFlowTest.PASSWORD, "client").statusCode(201);
        String access = (String) AuthFlowTest.login(email, AuthFlowTest.PASSWORD).get("accessToken");

        Map<String, Object> enrolment = given().auth().oauth2(access).post("/api/v1/auth/mfa/totp/enroll")
                .then().statusCode(200).body("otpauthUri", startsWith("otpauth://totp/")).extract().jsonPath().getMap("$");
        String secret = (String) enrolment.get("secret");
        long step = System.currentTimeMillis() / 30_000;
        given().auth().oauth2(access).contentType(ContentType.JSON).body(Map.of("code", wrong(Rfc6238.code(secret, step))))
                .post("/api/v1/auth/mfa/totp/confirm").then().statusCode(401)
                .body("type", equalTo("urn:labelmint:problem:invalid-mfa-code"));
        List<String> recovery = given().auth().oauth2(access).contentType(ContentType.JSON)
                .body(Map.of("code", Rfc6238.code(secret, step))).post("/api/v1/auth/mfa/totp/confirm")
                .then().statusCode(200).extract().jsonPath().getList("recoveryCodes");
        assertThat(recovery).hasSize(10).doesNotHaveDuplicates();

        signIn(email, null, null).statusCode(401).body("type", equalTo("urn:labelmint:problem:mfa-required"));
        // the code that confirmed the enrolment was spent: its step is never accepted again
        signIn(email, Rfc6238.code(secret, step), null).statusCode(401).body("type", equalTo("urn:labelmint:problem:invalid-mfa-code"));
        String next = Rfc6238.code(secret, step + 1);
        String token = signIn(email, next, null).statusCode(200).extract().jsonPath().getString("accessToken");
        assertThat(SignedJWT.parse(token).getJWTClaimsSet().getStringListClaim("amr")).containsExactly("pwd", "otp");
        signIn(email, next, null).statusCode(401);

        signIn(email, null, recovery.get(3)).statusCode(200);
        signIn(email, null, recovery.get(3)).statusCode(401);
        signIn(email, null, "not-a-recovery-code").statusCode(401);
    }

    @Test
    void anAdminWithoutTotpSignsInWithoutAdminPowersAndGetsThemWithIt() throws Exception {
        String email = AuthFlowTest.uniqueEmail();
        String accountId = AuthFlowTest.register(email, AuthFlowTest.PASSWORD, "client").statusCode(201)
                .extract().jsonPath().getString("id");
        try (Connection connection = dataSource.getConnection();
             PreparedStatement appoint = connection.prepareStatement("UPDATE users.account SET roles = '{admin,client}' WHERE id = ?")) {
            appoint.setObject(1, UUID.fromString(accountId));
            assertThat(appoint.executeUpdate()).isEqualTo(1);
        }

        String withoutTotp = (String) AuthFlowTest.login(email, AuthFlowTest.PASSWORD).get("accessToken");
        assertThat(SignedJWT.parse(withoutTotp).getJWTClaimsSet().getStringListClaim("groups")).containsExactly("client");

        String secret = given().auth().oauth2(withoutTotp).post("/api/v1/auth/mfa/totp/enroll")
                .then().statusCode(200).extract().jsonPath().getString("secret");
        long step = System.currentTimeMillis() / 30_000;
        given().auth().oauth2(withoutTotp).contentType(ContentType.JSON).body(Map.of("code", Rfc6238.code(secret, step)))
                .post("/api/v1/auth/mfa/totp/confirm").then().statusCode(200);

        String withTotp = signIn(email, Rfc6238.code(secret, step + 1), null).statusCode(200).extract().jsonPath().getString("accessToken");
        assertThat(SignedJWT.parse(withTotp).getJWTClaimsSet().getStringListClaim("groups")).containsExactlyInAnyOrder("admin", "client");
    }

    private static ValidatableResponse signIn(String email, String totpCode, String recoveryCode) {
        Map<String, Object> body = new HashMap<>(Map.of("email", email, "password", AuthFlowTest.PASSWORD));
        if (totpCode != null) {
            body.put("totpCode", totpCode);
        }
        if (recoveryCode != null) {
            body.put("recoveryCode", recoveryCode);
        }
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/auth/login").then();
    }

    private static String wrong(String code) {
        return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
    }
}
