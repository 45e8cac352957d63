package com.labelmint.admin;

import static com.labelmint.admin.ConsoleFixtures.console;
import static com.labelmint.admin.ConsoleFixtures.csrf;
import static com.labelmint.admin.ConsoleFixtures.csrfOf;
import static com.labelmint.admin.ConsoleFixtures.signIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;

import com.labelmint.admin.web.OpenToAll;
import com.labelmint.consensus.decision.ItemDecisions;
import com.labelmint.tasks.QueueFixtures;
import com.labelmint.testing.TestAccounts;
import com.labelmint.testing.TestAccounts.Person;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Disputes in the console, reviewers' access, and the CSRF check on every POST the console serves. */
@QuarkusTest
class AdminDisputesTest {

    @Inject
    DataSource dataSource;

    @Inject
    ItemDecisions decisions;

    @Test
    void reviewersReadTheQueueAndTheCaseButOnlyAdminsDecide() throws Exception {
        DecisionFixtures.OpenDispute dispute = DecisionFixtures.rejectedAnswerDisputed(dataSource, decisions, "It really is negative");
        Person reviewer = TestAccounts.signedIn("labeler");
        ConsoleFixtures.sql(dataSource, "UPDATE users.account SET roles = '{reviewer}' WHERE id = ?", reviewer.id());
        String session = signIn(reviewer.email(), null);

        console(session).get("/admin/disputes").then().statusCode(200).body(containsString("/admin/disputes/" + dispute.id()));
        String page = console(session).get("/admin/disputes/" + dispute.id()).then().statusCode(200)
                .body(containsString("It really is negative")).body(containsString("&quot;negative&quot;"))
                .body(containsString("&quot;positive&quot;")).extract().body().asString();
        assertThat(page).as("reviewers get no decision form").doesNotContain("id=\"decide\"");
        console(session).get("/admin/users").then().statusCode(403);
        console(session).formParam("csrf", csrfOf(page)).formParam("outcome", "upheld").formParam("note", "sure")
                .post("/admin/disputes/" + dispute.id() + "/resolution").then().statusCode(403);
        assertThat(status(dispute.id())).isEqualTo("open");
    }

    @Test
    void anAdminDismissesAfterConfirmingAndTheDecisionIsAudited() throws Exception {
        DecisionFixtures.OpenDispute dispute = DecisionFixtures.rejectedAnswerDisputed(dataSource, decisions, "Please look again");
        ConsoleFixtures.Admin admin = ConsoleFixtures.admin(dataSource);
        String session = signIn(admin);
        String csrf = csrf(session);

        console(session).formParam("csrf", csrf).formParam("outcome", "dismissed").formParam("note", "The majority is right")
                .post("/admin/disputes/" + dispute.id() + "/resolution").then().statusCode(200).body(containsString("Are you sure?"));
        assertThat(status(dispute.id())).isEqualTo("open");
        console(session).formParam("csrf", csrf).formParam("outcome", "sideways").formParam("note", "x").formParam("confirmed", "yes")
                .post("/admin/disputes/" + dispute.id() + "/resolution").then().statusCode(400);
        console(session).formParam("csrf", csrf).formParam("outcome", "dismissed").formParam("note", "The majority is right")
                .formParam("confirmed", "yes").post("/admin/disputes/" + dispute.id() + "/resolution").then().statusCode(303)
                .header("Location", endsWith("/admin/disputes/" + dispute.id()));
        assertThat(status(dispute.id())).isEqualTo("dismissed");
        assertThat(QueueFixtures.count(dataSource, "SELECT count(*) FROM admin.audit_entry WHERE action = 'dispute.dismissed' "
                + "AND target_id = ? AND actor_id = ? AND before->>'status' = 'open' AND after->>'status' = 'dismissed'",
                dispute.id().toString(), admin.id())).isEqualTo(1);
        console(session).formParam("csrf", csrf).formParam("outcome", "upheld").formParam("note", "again")
                .post("/admin/disputes/" + dispute.id() + "/resolution").then().statusCode(409);
    }

    /** Every POST the console serves (but sign-in) refuses a form without the session's token before doing anything. */
    @Test
    void everyConsolePostWithoutTheCsrfTokenIs403() throws Exception {
        ConsoleFixtures.Admin admin = ConsoleFixtures.admin(dataSource);
        String session = signIn(admin);
        List<String> posts = new ArrayList<>();
        for (JavaClass resource : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.labelmint.admin")) {
            if (!resource.isAnnotatedWith(jakarta.ws.rs.Path.class)) {
                continue;
            }
            Class<?> type = resource.reflect();
            for (Method method : type.getDeclaredMethods()) {
                if (method.isAnnotationPresent(POST.class) && !method.isAnnotationPresent(OpenToAll.class)) {
                    jakarta.ws.rs.Path sub = method.getAnnotation(jakarta.ws.rs.Path.class);
                    posts.add(type.getAnnotation(jakarta.ws.rs.Path.class).value() + (sub == null ? "" : sub.value()));
                }
            }
        }
        assertThat(posts).contains("/admin/logout", "/admin/users/{accountId}/ban", "/admin/disputes/{disputeId}/resolution",
                "/admin/money/withdrawals/{withdrawalId}/rejection", "/admin/reviews/{itemId}/decision");
        for (String post : posts) {
            // items are numbered, everything else has a UUID
            String path = post.replace("{itemId}", "1").replaceAll("\\{\\w+}", UUID.randomUUID().toString());
            console(session).formParam("confirmed", "yes").formParam("reason", "r").formParam("note", "n")
                    .post(path).then().statusCode(403);
            console(session).formParam("csrf", "wrong").formParam("confirmed", "yes").post(path).then().statusCode(403);
        }
        console(session).get("/admin/users").then().statusCode(200); // the walk signed nobody out
    }

    private String status(UUID dispute) throws Exception {
        try (var connection = dataSource.getConnection();
             var query = connection.prepareStatement("SELECT status FROM consensus.dispute WHERE id = ?")) {
            query.setObject(1, dispute);
            try (var row = query.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }
}
