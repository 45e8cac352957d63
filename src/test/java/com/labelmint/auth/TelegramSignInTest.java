package com.labelmint.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.labelmint.auth.telegram.TelegramTestSigner;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** Telegram sign-in end to end, with initData signed here by the test's own signer. */
@QuarkusTest
class TelegramSignInTest {

    private static final String BOT_TOKEN = "42:TEST-BOT-TOKEN";

    private static String initData(long telegramId, long authDate, String token) {
        return initData(telegramId, authDate, token, Map.of());
    }

    private static String initData(long telegramId, long authDate, String token, Map<String, String> more) {
        Map<String, String> fields = new LinkedHashMap<>(more);
        fields.put("auth_date", Long.toString(authDate));
        fields.put("query_id", "AAH" + telegramId);
        fields.put("user", "{\"id\":" + telegramId + ",\"first_name\":\"Ivan\",\"last_name\":\"Petrov\",\"username\":\"ivan"
                + telegramId + "\",\"language_code\":\"ru\"}");
        return TelegramTestSigner.signInitData(fields, token);
    }

    private static ValidatableResponse webApp(String initData) {
        return given().contentType(ContentType.JSON).body(Map.of("initData", initData))
                .post("/api/v1/auth/telegram/webapp").then();
    }

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }

    private static long newTelegramId() {
        return ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000_000L);
    }

    @Test
    void aFirstVisitCreatesALabelerAndTheNextSignsIntoTheSameAccount() {
        long telegramId = newTelegramId();
        String first = webApp(initData(telegramId, now(), BOT_TOKEN)).statusCode(200)
                .extract().jsonPath().getString("accessToken");
        String id = AuthFlowTest.me(first).statusCode(200)
                .body("displayName", equalTo("Ivan Petrov"))
                .body("language", equalTo("ru"))
                .body("telegramUsername", equalTo("ivan" + telegramId))
                .body("roles", hasItem("labeler"))
                .extract().jsonPath().getString("id");

        String second = webApp(initData(telegramId, now(), BOT_TOKEN)).statusCode(200)
                .extract().jsonPath().getString("accessToken");
        AuthFlowTest.me(second).statusCode(200).body("id", equalTo(id));
    }

    @Test
    void forgedOrStaleInitDataIs401() {
        long telegramId = newTelegramId();
        webApp(initData(telegramId, now(), "42:SOMEONE-ELSES-TOKEN")).statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:labelmint:problem:telegram-auth-refused"));
        webApp(initData(telegramId, now() - 25 * 3600, BOT_TOKEN)).statusCode(401)
                .body("detail", equalTo("Telegram sign-in data refused (stale)"));
        webApp(initData(telegramId, now(), BOT_TOKEN).replace("Ivan", "Ivanushka")).statusCode(401);
        webApp("garbage").statusCode(401);
    }

    @Test
    void anEmailAccountLinksTelegramThenSignsInThroughIt() {
        String email = AuthFlowTest.uniqueEmail();
        String accountId = AuthFlowTest.register(email, AuthFlowTest.PASSWORD, "client").statusCode(201)
                .extract().jsonPath().getString("id");
        String access = (String) AuthFlowTest.login(email, AuthFlowTest.PASSWORD).get("accessToken");
        long telegramId = newTelegramId();

        given().auth().oauth2(access).contentType(ContentType.JSON).body(Map.of("initData", initData(telegramId, now(), BOT_TOKEN)))
                .post("/api/v1/auth/telegram/link").then().statusCode(204);
        String viaTelegram = webApp(initData(telegramId, now(), BOT_TOKEN)).statusCode(200)
                .extract().jsonPath().getString("accessToken");
        AuthFlowTest.me(viaTelegram).statusCode(200).body("id", equalTo(accountId));

        // the same Telegram user cannot be linked to a second account
        String otherEmail = AuthFlowTest.uniqueEmail();
        AuthFlowTest.register(otherEmail, AuthFlowTest.PASSWORD, "client").statusCode(201);
        String other = (String) AuthFlowTest.login(otherEmail, AuthFlowTest.PASSWORD).get("accessToken");
        given().auth().oauth2(other).contentType(ContentType.JSON).body(Map.of("initData", initData(telegramId, now(), BOT_TOKEN)))
                .post("/api/v1/auth/telegram/link").then().statusCode(409)
                .body("type", equalTo("urn:labelmint:problem:telegram-linked-elsewhere"));

        given().auth().oauth2(access).delete("/api/v1/auth/telegram/link").then().statusCode(204);
        webApp(initData(telegramId, now(), BOT_TOKEN)).statusCode(200); // a fresh labeler account now
    }

    @Test
    void aTelegramAccountAddsAnEmailAndCannotDropItsOnlySignInMethod() {
        String access = webApp(initData(newTelegramId(), now(), BOT_TOKEN)).statusCode(200)
                .extract().jsonPath().getString("accessToken");
        given().auth().oauth2(access).delete("/api/v1/auth/telegram/link").then().statusCode(409)
                .body("type", equalTo("urn:labelmint:problem:last-sign-in-method"));

        String email = AuthFlowTest.uniqueEmail();
        given().auth().oauth2(access).contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", AuthFlowTest.PASSWORD))
                .post("/api/v1/auth/credentials").then().statusCode(201);
        AuthFlowTest.login(email, AuthFlowTest.PASSWORD);
        given().auth().oauth2(access).delete("/api/v1/auth/telegram/link").then().statusCode(204);
    }

    @Test
    void aMiniAppOpenedThroughAReferralLinkCountsForTheLinksOwnerOnTheFirstVisitOnly() {
        String referrer = clientSignedIn();
        String referrerId = AuthFlowTest.me(referrer).statusCode(200).extract().jsonPath().getString("id");
        String code = referralOf(referrer).getString("code");
        String otherCode = referralOf(clientSignedIn()).getString("code");

        long newcomer = newTelegramId();
        String newcomerAccess = webApp(initData(newcomer, now(), BOT_TOKEN, Map.of("start_param", "ref_" + code)))
                .statusCode(200).extract().jsonPath().getString("accessToken");
        assertThat(referralOf(newcomerAccess).getString("referredBy")).isEqualTo(referrerId);
        webApp(initData(newcomer, now(), BOT_TOKEN, Map.of("start_param", "ref_" + otherCode))).statusCode(200);
        assertThat(referralOf(newcomerAccess).getString("referredBy")).as("recorded once").isEqualTo(referrerId);
        assertThat(referralOf(referrer).getLong("referrals")).isEqualTo(1);

        long regular = newTelegramId();
        String regularAccess = webApp(initData(regular, now(), BOT_TOKEN)).statusCode(200)
                .extract().jsonPath().getString("accessToken");
        webApp(initData(regular, now(), BOT_TOKEN, Map.of("start_param", "ref_" + code))).statusCode(200);
        assertThat(referralOf(regularAccess).getString("referredBy")).as("an account that existed is nobody's referral").isNull();

        String otherStart = webApp(initData(newTelegramId(), now(), BOT_TOKEN, Map.of("start_param", "task_" + code)))
                .statusCode(200).extract().jsonPath().getString("accessToken");
        assertThat(referralOf(otherStart).getString("referredBy")).as("a start parameter that is no referral").isNull();
        assertThat(referralOf(referrer).getLong("referrals")).isEqualTo(1);
    }

    private static String clientSignedIn() {
        String email = AuthFlowTest.uniqueEmail();
        AuthFlowTest.register(email, AuthFlowTest.PASSWORD, "client").statusCode(201);
        return (String) AuthFlowTest.login(email, AuthFlowTest.PASSWORD).get("accessToken");
    }

    private static JsonPath referralOf(String accessToken) {
        return given().auth().oauth2(accessToken).get("/api/v1/users/me/referral").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theLoginWidgetSignsIn() {
        long telegramId = newTelegramId();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("id", Long.toString(telegramId));
        fields.put("first_name", "Olga");
        fields.put("username", "olga" + telegramId);
        fields.put("auth_date", Long.toString(now()));
        fields.put("hash", TelegramTestSigner.loginWidgetHash(fields, BOT_TOKEN));

        String access = given().contentType(ContentType.JSON).body(fields).post("/api/v1/auth/telegram/login-widget")
                .then().statusCode(200).extract().jsonPath().getString("accessToken");
        AuthFlowTest.me(access).statusCode(200).body("displayName", equalTo("Olga"));

        fields.put("first_name", "Mallory");
        given().contentType(ContentType.JSON).body(fields).post("/api/v1/auth/telegram/login-widget")
                .then().statusCode(401);
    }
}
