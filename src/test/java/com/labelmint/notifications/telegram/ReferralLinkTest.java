package com.labelmint.notifications.telegram;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.labelmint.notifications.telegram.TelegramUpdates.User;
import com.labelmint.testing.TestAccounts;
import com.labelmint.testing.TestAccounts.Person;
import com.labelmint.users.api.UsersApi;
import com.labelmint.users.referral.Referrals;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Referral deep links through the webhook: {@code /start ref_<code>} from a Telegram user new to LabelMint records the
 * code's owner as their referrer, once; an account that existed before, a code that is nobody's and one's own code
 * record nothing.
 */
@QuarkusTest
@QuarkusTestResource(value = BotApiStandIn.class, restrictToAnnotatedClass = true)
class ReferralLinkTest {

    private static final Duration HANDLED = Duration.ofSeconds(30);

    @Inject
    DataSource dataSource;

    @Inject
    UsersApi users;

    @Inject
    Referrals referrals;

    @Test
    void aNewTelegramUserArrivingThroughALinkCountsForItsOwnerOnce() throws Exception {
        Person referrer = TestAccounts.signedIn("labeler");
        JsonPath referral = referralOf(referrer);
        String code = referral.getString("code");
        assertThat(code).matches("[a-z0-9]{12}");
        assertThat(referral.getString("link")).isEqualTo("https://t.me/" + BotApiStandIn.BOT_USERNAME + "?start=ref_" + code);
        assertThat(referral.getLong("referrals")).isZero();
        assertThat(referralOf(referrer).getString("code")).as("the code stays").isEqualTo(code);

        User newcomer = User.fresh("Newcomer", "en");
        startAndAwaitTheAnswer(newcomer, "/start ref_" + code, 1);
        assertThat(referrerOf(newcomer)).isEqualTo(referrer.id());
        assertThat(BotApiStandIn.callsTo("sendMessage", newcomer.chatId()).get(0).params().path("text").asText())
                .startsWith("Welcome to LabelMint, Newcomer");

        Person someoneElse = TestAccounts.signedIn("labeler");
        startAndAwaitTheAnswer(newcomer, "/start ref_" + referralOf(someoneElse).getString("code"), 2);
        assertThat(referrerOf(newcomer)).as("recorded once").isEqualTo(referrer.id());
        assertThat(referralOf(referrer).getLong("referrals")).isEqualTo(1);
        assertThat(referralOf(someoneElse).getLong("referrals")).isZero();

        Person admin = TestAccounts.admin(dataSource);
        given().auth().oauth2(admin.accessToken()).get("/api/v1/users/" + accountOf(newcomer) + "/referral").then().statusCode(200)
                .body("referredBy", equalTo(referrer.id().toString()));
        given().auth().oauth2(admin.accessToken()).get("/api/v1/users/" + referrer.id() + "/referral").then().statusCode(200)
                .body("referrals", equalTo(1));
    }

    @Test
    void anAccountThatExistedAnUnknownCodeAndOnesOwnCodeRecordNothing() throws Exception {
        String code = referralOf(TestAccounts.signedIn("labeler")).getString("code");

        User regular = User.fresh("Regular", "en");
        startAndAwaitTheAnswer(regular, "/help", 1);
        startAndAwaitTheAnswer(regular, "/start ref_" + code, 2);
        assertThat(referrerOf(regular)).as("an existing account is nobody's referral").isNull();

        User stranger = User.fresh("Stranger", "en");
        startAndAwaitTheAnswer(stranger, "/start ref_zzzzzzzzzzzz", 1);
        assertThat(accountOf(stranger)).as("welcomed all the same").isNotNull();
        assertThat(referrerOf(stranger)).isNull();
        User hostile = User.fresh("Hostile", "en");
        startAndAwaitTheAnswer(hostile, "/start ref_'; DROP TABLE users.account; --", 1);
        assertThat(referrerOf(hostile)).isNull();

        UUID account = accountOf(regular);
        String ownCode = referrals.of(account).code();
        assertThat(QuarkusTransaction.requiringNew().call(() -> users.recordReferral(account, ownCode))).isFalse();
        assertThat(referrerOf(regular)).isNull();
    }

    private static JsonPath referralOf(Person person) {
        return given().auth().oauth2(person.accessToken()).get("/api/v1/users/me/referral").then().statusCode(200)
                .extract().jsonPath();
    }

    private static void startAndAwaitTheAnswer(User user, String text, int answersSoFar) {
        TelegramUpdates.deliver(TelegramUpdates.message(user, text)).statusCode(200);
        await().atMost(HANDLED).until(() -> BotApiStandIn.callsTo("sendMessage", user.chatId()).size() == answersSoFar);
    }

    private UUID accountOf(User user) throws Exception {
        return uuid("SELECT account_id FROM auth.telegram_identity WHERE telegram_user_id = ?", user.id());
    }

    private UUID referrerOf(User user) throws Exception {
        return uuid("SELECT a.referred_by FROM users.account a JOIN auth.telegram_identity t ON t.account_id = a.id "
                + "WHERE t.telegram_user_id = ?", user.id());
    }

    private UUID uuid(String sql, long telegramUserId) throws Exception {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setLong(1, telegramUserId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? (UUID) row.getObject(1) : null;
            }
        }
    }
}
