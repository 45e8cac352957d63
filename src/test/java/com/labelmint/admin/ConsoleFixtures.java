package com.labelmint.admin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.labelmint.testing.Rfc6238;
import com.labelmint.testing.TestAccounts;
import com.labelmint.testing.TestAccounts.Person;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/** People and console sessions for the admin console's tests. */
public final class ConsoleFixtures {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private ConsoleFixtures() {
    }

    /**
     * An admin with TOTP on. The enrolment is confirmed with the previous step's code, so the current step and the
     * next one are still unused: {@link Admin#code} hands them out, one per sign-in, without waiting for the clock.
     */
    public static final class Admin {
        private final Person person;
        private final String secret;
        private long nextStep;

        Admin(Person person, String secret, long nextStep) {
            this.person = person;
            this.secret = secret;
            this.nextStep = nextStep;
        }

        public Person person() {
            return person;
        }

        public UUID id() {
            return person.id();
        }

        public String email() {
            return person.email();
        }

        /**
         * A TOTP code nobody has used yet: the current step's, or the next one when the current step was used (so at
         * most two sign-ins per admin within one 30 s step).
         */
        public String code() throws Exception {
            long step = Math.max(nextStep, Rfc6238.currentStep());
            nextStep = step + 1;
            return Rfc6238.code(secret, step);
        }
    }

    public static Admin admin(DataSource dataSource) throws Exception {
        Person person = TestAccounts.signedIn("client");
        sql(dataSource, "UPDATE users.account SET roles = '{admin}' WHERE id = ?", person.id());
        String secret = given().auth().oauth2(person.accessToken()).post("/api/v1/auth/mfa/totp/enroll")
                .then().statusCode(200).extract().jsonPath().getString("secret");
        long step = Rfc6238.currentStep();
        given().auth().oauth2(person.accessToken()).contentType("application/json")
                .body("{\"code\": \"" + Rfc6238.code(secret, step - 1) + "\"}")
                .post("/api/v1/auth/mfa/totp/confirm").then().statusCode(200);
        return new Admin(person, secret, step);
    }

    /** Signs in at /admin/login; returns the session cookie's value. */
    public static String signIn(String email, String totpCode) {
        Response response = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("email", email).formParam("password", TestAccounts.PASSWORD)
                .formParam("totpCode", totpCode == null ? "" : totpCode)
                .post("/admin/login");
        assertThat(response.statusCode()).as(response.body().asString()).isEqualTo(303);
        String cookie = response.cookie("labelmint_admin");
        assertThat(cookie).isNotBlank();
        return cookie;
    }

    /** A request with the console session's cookie that does not follow redirects, so tests see the 303s. */
    public static RequestSpecification console(String session) {
        return given().redirects().follow(false).cookie("labelmint_admin", session);
    }

    public static String signIn(Admin admin) throws Exception {
        return signIn(admin.email(), admin.code());
    }

    /** The CSRF token the page's forms carry. */
    public static String csrfOf(String html) {
        Matcher matcher = CSRF.matcher(html);
        assertThat(matcher.find()).as("a form with a CSRF token in " + html).isTrue();
        return matcher.group(1);
    }

    public static String csrf(String session) {
        return csrfOf(given().cookie("labelmint_admin", session).get("/admin/users").then().statusCode(200)
                .extract().body().asString());
    }

    public static void sql(DataSource dataSource, String statement, Object... parameters) throws Exception {
        try (Connection connection = dataSource.getConnection(); PreparedStatement prepared = connection.prepareStatement(statement)) {
            for (int i = 0; i < parameters.length; i++) {
                prepared.setObject(i + 1, parameters[i]);
            }
            prepared.executeUpdate();
        }
    }
}
