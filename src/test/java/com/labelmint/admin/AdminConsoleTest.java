package com.labelmint.admin;

import static com.labelmint.admin.ConsoleFixtures.console;
import static com.labelmint.admin.ConsoleFixtures.csrf;
import static com.labelmint.admin.ConsoleFixtures.signIn;
import static com.labelmint.admin.ConsoleFixtures.sql;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import com.labelmint.testing.TestAccounts;
import com.labelmint.testing.TestAccounts.Person;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Headers;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The console's doors over plain HTTP: sessions, roles, CSRF, the confirmation step and the audit log. */
@QuarkusTest
class AdminConsoleTest {

    @Inject
    DataSource dataSource;

    @Test
    void withoutASessionEveryPageAndActionSendsToSignInAndChangesNothing() throws Exception {
        Person labeler = TestAccounts.signedIn("labeler");
        for (String page : new String[] {"/admin", "/admin/users", "/admin/users/" + labeler.id(), "/admin/audit"}) {
            anonymous().get(page).then().statusCode(303).header("Location", endsWith("/admin/login"));
            anonymous().cookie("labelmint_admin", "not-a-session").get(page).then().statusCode(303)
                    .header("Location", endsWith("/admin/login"));
        }
        anonymous().formParam("reason", "spam").formParam("until", tomorrow()).formParam("confirmed", "yes")
                .post("/admin/users/" + labeler.id() + "/ban").then().statusCode(303);
        assertThat(bannedUntil(labeler.id())).isNull();
        Headers headers = anonymous().get("/admin/login").then().statusCode(200).body(containsString("TOTP code"))
                .extract().headers();
        // a browser enforces every policy it is sent: the console's own strict one is among them
        assertThat(headers.getValues("Content-Security-Policy")).contains(
                "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; form-action 'self'; "
                        + "frame-ancestors 'none'; base-uri 'none'");
        // the last policy named wins; under no-referrer a browser would post forms with Origin: null (CORS 403)
        assertThat(headers.getValues("Referrer-Policy")).last().isEqualTo("same-origin");
    }

    @Test
    void theSessionCookieIsHttpOnlyStrictAndLimitedToTheConsole() throws Exception {
        ConsoleFixtures.Admin admin = ConsoleFixtures.admin(dataSource);
        String setCookie = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("email", admin.email()).formParam("password", TestAccounts.PASSWORD).formParam("totpCode", admin.code())
                .post("/admin/login").then().statusCode(303).header("Location", endsWith("/admin"))
                .extract().header("Set-Cookie");
        assertThat(setCookie).startsWith("labelmint_admin=").contains("Path=/admin").containsIgnoringCase("HttpOnly")
                .containsIgnoringCase("SameSite=Strict");
        String id = setCookie.substring("labelmint_admin=".length(), setCookie.indexOf(';'));
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet stored = statement.executeQuery("SELECT count(*) FROM admin.console_session WHERE id_hash = '" + id + "'")) {
            stored.next();
            assertThat(stored.getLong(1)).as("the session id is stored hashed, never as it is").isZero();
        }
    }

    @Test
    void theDashboardShowsTheFiguresAndADayOfAnswersPerHour() throws Exception {
        ConsoleFixtures.Admin admin = ConsoleFixtures.admin(dataSource);
        String page = console(signIn(admin)).get("/admin").then().statusCode(200).extract().body().asString();
        assertThat(page).contains("labelers active now", "answers in the last minute", "items waiting for answers",
                "items waiting for review", "disputes open", "in escrow", "events waiting for delivery", "event deliveries failed");
        Matcher line = Pattern.compile("<polyline [^>]*points=\"([^\"]*)\"").matcher(page);
        assertThat(line.find()).isTrue();
        assertThat(line.group(1).split(" ")).as("one point per hour of the last day").hasSize(24);
    }

    @Test
    void labelersAndClientsGetA403PageAndAnAdminWithoutTotpToo() throws Exception {
        for (String role : new String[] {"labeler", "client"}) {
            Person person = TestAccounts.signedIn(role);
            String session = signIn(person.email(), null);
            for (String page : new String[] {"/admin", "/admin/users", "/admin/audit"}) {
                given().cookie("labelmint_admin", session).get(page).then().statusCode(403)
                        .body(containsString("no access"));
            }
        }
        Person adminWithoutTotp = TestAccounts.signedIn("client");
        sql(dataSource, "UPDATE users.account SET roles = '{admin}' WHERE id = ?", adminWithoutTotp.id());
        String session = signIn(adminWithoutTotp.email(), null);
        given().cookie("labelmint_admin", session).get("/admin/users").then().statusCode(403)
                .body(containsString("TOTP"));
    }

    @Test
    void aPostWithoutOrWithAWrongCsrfTokenIs403AndChangesNothing() throws Exception {
        ConsoleFixtures.Admin admin = ConsoleFixtures.admin(dataSource);
        String session = signIn(admin);
        Person labeler = TestAccounts.signedIn("labeler");
        long auditBefore = auditEntries(labeler.id());

        ban(session, labeler.id(), null).then().statusCode(403).body(containsString("reload the page"));
        ban(session, labeler.id(), "forged-" + UUID.randomUUID()).then().statusCode(403);
        ban(session, labeler.id(), csrf(signIn(admin))).then().statusCode(403); // another session's token
        given().cookie("labelmint_admin", session).redirects().follow(false).formParam("csrf", "wrong").formParam("role", "admin")
                .post("/admin/users/" + labeler.id() + "/roles").then().statusCode(403);
        given().cookie("labelmint_admin", session).redirects().follow(false).post("/admin/logout").then().statusCode(403);

        assertThat(bannedUntil(labeler.id())).isNull();
        assertThat(auditEntries(labeler.id())).isEqualTo(auditBefore);
        given().cookie("labelmint_admin", session).get("/admin/users/" + labeler.id()).then().statusCode(200)
                .body(containsString("Ban…")); // still signed in, the roles unchanged
    }

    @Test
    void aBanIsConfirmedFirstThenDoneAndAuditedWithBeforeAndAfter() throws Exception {
        ConsoleFixtures.Admin admin = ConsoleFixtures.admin(dataSource);
        String session = signIn(admin);
        String csrf = csrf(session);
        Person labeler = TestAccounts.signedIn("labeler");

        console(session).formParam("csrf", csrf).formParam("reason", "copies answers").formParam("until", tomorrow())
                .post("/admin/users/" + labeler.id() + "/ban").then().statusCode(200)
                .body(containsString("Are you sure?")).body(containsString("name=\"confirmed\" value=\"yes\""));
        assertThat(bannedUntil(labeler.id())).as("asking is not doing").isNull();

        console(session).formParam("csrf", csrf).formParam("reason", "copies answers").formParam("until", tomorrow())
                .formParam("confirmed", "yes").post("/admin/users/" + labeler.id() + "/ban").then().statusCode(303)
                .header("Location", endsWith("/admin/users/" + labeler.id()));
        assertThat(bannedUntil(labeler.id())).isNotNull();
        String audit = console(session).queryParam("target", labeler.id().toString()).queryParam("action", "user.ban")
                .get("/admin/audit").then().statusCode(200).extract().body().asString();
        assertThat(audit).contains("user.ban").contains("copies answers").contains(admin.id().toString())
                .contains("&quot;banned&quot;: false").contains("&quot;banned&quot;: true");

        console(session).formParam("csrf", csrf).post("/admin/users/" + labeler.id() + "/unban").then().statusCode(303);
        assertThat(bannedUntil(labeler.id())).isNull();
        assertThat(auditEntries(labeler.id())).isEqualTo(2);
    }

    @Test
    void badInputIsAPageNamingTheProblemNeverA500() throws Exception {
        ConsoleFixtures.Admin admin = ConsoleFixtures.admin(dataSource);
        String session = signIn(admin);
        String csrf = csrf(session);
        Person labeler = TestAccounts.signedIn("labeler");
        console(session).formParam("csrf", csrf).formParam("reason", "spam").formParam("until", "next tuesday")
                .formParam("confirmed", "yes").post("/admin/users/" + labeler.id() + "/ban").then().statusCode(400)
                .body(containsString("YYYY-MM-DD"));
        console(session).formParam("csrf", csrf).formParam("reason", "spam").formParam("until", "2001-01-01")
                .formParam("confirmed", "yes").post("/admin/users/" + labeler.id() + "/ban").then().statusCode(400)
                .body(containsString("future"));
        console(session).formParam("csrf", csrf).formParam("reason", "me").formParam("until", tomorrow())
                .formParam("confirmed", "yes").post("/admin/users/" + admin.id() + "/ban").then().statusCode(409);
        console(session).get("/admin/users?role=overlord").then().statusCode(400).body(containsString("Unknown role"));
        console(session).get("/admin/users?after=garbage").then().statusCode(400);
        console(session).get("/admin/audit?actor=someone").then().statusCode(400);
        console(session).get("/admin/users/" + UUID.randomUUID()).then().statusCode(404);
        assertThat(bannedUntil(labeler.id())).isNull();
    }

    @Test
    void signOutIdleTimeoutAndLifetimeEndTheSession() throws Exception {
        ConsoleFixtures.Admin admin = ConsoleFixtures.admin(dataSource);
        String first = signIn(admin);
        console(first).formParam("csrf", csrf(first)).post("/admin/logout").then().statusCode(303)
                .header("Location", endsWith("/admin/login"));
        console(first).get("/admin/users").then().statusCode(303);

        String second = signIn(admin);
        console(second).get("/admin/users").then().statusCode(200);
        sql(dataSource, "UPDATE admin.console_session SET last_seen_at = now() - interval '31 minutes' WHERE account_id = ?", admin.id());
        console(second).get("/admin/users").then().statusCode(303);
    }

    @Test
    void aSessionEndsAtItsAbsoluteLifetimeHoweverBusy() throws Exception {
        ConsoleFixtures.Admin admin = ConsoleFixtures.admin(dataSource);
        String session = signIn(admin);
        console(session).get("/admin/users").then().statusCode(200);
        sql(dataSource, "UPDATE admin.console_session SET expires_at = now() - interval '1 second' WHERE account_id = ?", admin.id());
        console(session).get("/admin/users").then().statusCode(303);
    }

    @Test
    void wrongCodesAreRefusedAndThrottledLikeTheApiSignIn() throws Exception {
        ConsoleFixtures.Admin admin = ConsoleFixtures.admin(dataSource);
        signInAttempt(admin.email(), TestAccounts.PASSWORD, "").statusCode(401).body(containsString("second factor"));
        for (int i = 0; i < 5; i++) {
            signInAttempt(admin.email(), TestAccounts.PASSWORD, "000000").statusCode(401);
        }
        signInAttempt(admin.email(), TestAccounts.PASSWORD, admin.code()).statusCode(429).header("Retry-After", not(equalTo("")));
        signInAttempt("", "", "").statusCode(400);
    }

    @Test
    void theAuditLogRefusesUpdateDeleteAndTruncate() throws Exception {
        ConsoleFixtures.Admin admin = ConsoleFixtures.admin(dataSource);
        String session = signIn(admin);
        Person labeler = TestAccounts.signedIn("labeler");
        ban(session, labeler.id(), csrf(session)).then().statusCode(303);
        assertThat(auditEntries(labeler.id())).isEqualTo(1);

        for (String statement : new String[] {
                "UPDATE admin.audit_entry SET reason = 'nothing happened' WHERE target_id = '" + labeler.id() + "'",
                "DELETE FROM admin.audit_entry WHERE target_id = '" + labeler.id() + "'",
                "TRUNCATE admin.audit_entry"}) {
            assertThatThrownBy(() -> execute(statement)).isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        }
        assertThat(auditEntries(labeler.id())).isEqualTo(1);
    }

    private static RequestSpecification anonymous() {
        return given().redirects().follow(false);
    }

    private static io.restassured.response.Response ban(String session, UUID accountId, String csrf) {
        RequestSpecification request = console(session).formParam("reason", "spam").formParam("until", tomorrow())
                .formParam("confirmed", "yes");
        if (csrf != null) {
            request = request.formParam("csrf", csrf);
        }
        return request.post("/admin/users/" + accountId + "/ban");
    }

    private static io.restassured.response.ValidatableResponse signInAttempt(String email, String password, String code) {
        return anonymous().contentType("application/x-www-form-urlencoded").formParam("email", email)
                .formParam("password", password).formParam("totpCode", code).post("/admin/login").then();
    }

    private static String tomorrow() {
        return LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
    }

    private Object bannedUntil(UUID accountId) throws SQLException {
        return single("SELECT banned_until FROM users.account WHERE id = '" + accountId + "'");
    }

    private long auditEntries(UUID target) throws SQLException {
        return ((Number) single("SELECT count(*) FROM admin.audit_entry WHERE target_id = '" + target + "'")).longValue();
    }

    private Object single(String query) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(query)) {
            result.next();
            return result.getObject(1);
        }
    }

    private void execute(String statement) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement run = connection.createStatement()) {
            run.execute(statement);
        }
    }
}
