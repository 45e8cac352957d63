package com.labelmint.admin;

import static com.labelmint.admin.ConsoleFixtures.console;
import static com.labelmint.admin.ConsoleFixtures.csrfOf;
import static com.labelmint.admin.ConsoleFixtures.signIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

import com.labelmint.consensus.decision.ItemDecisions;
import com.labelmint.projects.ProjectFixtures;
import com.labelmint.tasks.QueueFixtures;
import com.labelmint.testing.TestAccounts;
import com.labelmint.testing.TestAccounts.Person;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The review queue in the console: who may see and decide which items, the CSRF check, and the audited decision. */
@QuarkusTest
class AdminReviewsTest {

    @Inject
    DataSource dataSource;

    @Inject
    ItemDecisions decisions;

    @Test
    void withoutASessionTheReviewPagesSendToSignInAndLabelersGet403() throws Exception {
        DecisionFixtures.ItemInReview item = DecisionFixtures.itemInReview(dataSource, decisions, List.of());
        String page = "/admin/reviews/" + item.itemId();
        for (String path : new String[] {"/admin/reviews", page}) {
            console("not-a-session").get(path).then().statusCode(303).header("Location", endsWith("/admin/login"));
        }
        console("not-a-session").formParam("decision", "confirm").formParam("note", "sure")
                .post(page + "/decision").then().statusCode(303);

        String labeler = signIn(TestAccounts.signedIn("labeler").email(), null);
        console(labeler).get("/admin/reviews").then().statusCode(403);
        console(labeler).get(page).then().statusCode(403);
        assertThat(inReview(item.itemId())).isTrue();
    }

    @Test
    void aReviewerSeesOnlyTheirProjectsItemsWithEveryAnswerAndItsLabeler() throws Exception {
        Person reviewer = reviewer();
        DecisionFixtures.ItemInReview theirs = DecisionFixtures.itemInReview(dataSource, decisions, List.of(reviewer.id()));
        DecisionFixtures.ItemInReview another = DecisionFixtures.itemInReview(dataSource, decisions, List.of());
        String session = signIn(reviewer.email(), null);

        console(session).get("/admin/reviews").then().statusCode(200)
                .body(containsString("/admin/reviews/" + theirs.itemId())).body(not(containsString("/admin/reviews/" + another.itemId())));
        console(session).get("/admin/reviews?project=" + theirs.projectId()).then().statusCode(200)
                .body(containsString("/admin/reviews/" + theirs.itemId()));
        console(session).get("/admin/reviews?project=" + another.projectId()).then().statusCode(200)
                .body(not(containsString("/admin/reviews/" + another.itemId())));
        console(session).get("/admin/reviews?project=not-an-id").then().statusCode(400).body(containsString("project is a project id"));
        console(session).get("/admin/reviews/" + another.itemId()).then().statusCode(404);

        String page = console(session).get("/admin/reviews/" + theirs.itemId()).then().statusCode(200)
                .body(containsString("Consensus suggests")).body(containsString("&quot;positive&quot;"))
                .body(containsString("&quot;negative&quot;")).extract().body().asString();
        for (var labeler : theirs.labelers()) {
            assertThat(page).as("every answer beside its labeler").contains("/admin/users/" + labeler);
        }
        assertThat(page).contains("id=\"confirm\"", "id=\"override\"");
        console(session).get("/admin/money/withdrawals").then().statusCode(403);
        console(session).get("/admin/money").then().statusCode(403);
    }

    @Test
    void aPostWithoutOrWithAWrongCsrfTokenIs403AndTheItemStaysInReview() throws Exception {
        Person reviewer = reviewer();
        DecisionFixtures.ItemInReview item = DecisionFixtures.itemInReview(dataSource, decisions, List.of(reviewer.id()));
        String session = signIn(reviewer.email(), null);
        String decision = "/admin/reviews/" + item.itemId() + "/decision";

        console(session).formParam("decision", "confirm").formParam("note", "sure").post(decision).then().statusCode(403);
        console(session).formParam("csrf", "wrong").formParam("decision", "confirm").formParam("note", "sure").post(decision)
                .then().statusCode(403);

        assertThat(inReview(item.itemId())).isTrue();
        assertThat(audited(item.itemId())).isZero();
    }

    @Test
    void aReviewerConfirmsTheSuggestionAndTheDecisionIsAuditedWithBeforeAndAfter() throws Exception {
        Person reviewer = reviewer();
        DecisionFixtures.ItemInReview item = DecisionFixtures.itemInReview(dataSource, decisions, List.of(reviewer.id()));
        String session = signIn(reviewer.email(), null);
        String page = "/admin/reviews/" + item.itemId();
        String csrf = csrfOf(console(session).get(page).then().statusCode(200).extract().body().asString());

        console(session).formParam("csrf", csrf).formParam("decision", "confirm").post(page + "/decision").then().statusCode(400)
                .body(containsString("Fill in note"));
        console(session).formParam("csrf", csrf).formParam("decision", "shrug").formParam("note", "x").post(page + "/decision")
                .then().statusCode(400);
        assertThat(inReview(item.itemId())).isTrue();

        console(session).formParam("csrf", csrf).formParam("decision", "confirm").formParam("note", "two of three, and right")
                .post(page + "/decision").then().statusCode(303).header("Location", endsWith(page));

        assertThat(QueueFixtures.count(dataSource, "SELECT count(*) FROM consensus.item WHERE id = ? AND state = 'decided' "
                + "AND label->>'value' = 'positive' AND method = 'review' AND decided_by = ?", item.itemId(), reviewer.id())).isOne();
        assertThat(QueueFixtures.count(dataSource, "SELECT count(*) FROM admin.audit_entry WHERE action = 'review.confirm' "
                + "AND target_id = ? AND actor_id = ? AND reason = 'two of three, and right' AND before->>'state' = 'review' "
                + "AND after->>'state' = 'decided' AND after->>'decidedBy' = ?", Long.toString(item.itemId()), reviewer.id(),
                reviewer.id().toString())).isOne();
        console(session).get(page).then().statusCode(200).body(not(containsString("id=\"confirm\"")));
        console(session).formParam("csrf", csrf).formParam("decision", "confirm").formParam("note", "again")
                .post(page + "/decision").then().statusCode(409);
    }

    @Test
    void anAdminOverridesWithAnotherLabelAndABadLabelChangesNothing() throws Exception {
        DecisionFixtures.ItemInReview item = DecisionFixtures.itemInReview(dataSource, decisions, List.of());
        ConsoleFixtures.Admin admin = ConsoleFixtures.admin(dataSource);
        String session = signIn(admin);
        String page = "/admin/reviews/" + item.itemId();
        console(session).get("/admin/reviews").then().statusCode(200).body(containsString(page));
        String csrf = csrfOf(console(session).get(page).then().statusCode(200).extract().body().asString());

        for (String bad : new String[] {"{\"value\": \"sarcastic\"}", "not json", ""}) {
            console(session).formParam("csrf", csrf).formParam("decision", "override").formParam("label", bad)
                    .formParam("note", "sarcasm").post(page + "/decision").then().statusCode(400);
        }
        assertThat(inReview(item.itemId())).isTrue();

        console(session).formParam("csrf", csrf).formParam("decision", "override").formParam("label", "{\"value\": \"negative\"}")
                .formParam("note", "sarcasm").post(page + "/decision").then().statusCode(303);

        assertThat(QueueFixtures.count(dataSource, "SELECT count(*) FROM consensus.item WHERE id = ? AND state = 'decided' "
                + "AND label->>'value' = 'negative' AND decided_by = ?", item.itemId(), admin.id())).isOne();
        assertThat(QueueFixtures.count(dataSource, "SELECT count(*) FROM admin.audit_entry WHERE action = 'review.override' "
                + "AND target_id = ? AND before->>'label' LIKE '%positive%' AND after->>'label' LIKE '%negative%'",
                Long.toString(item.itemId()))).isOne();
    }

    @Test
    void anImageOfTheItemIsShownThroughAShortLivedLink() throws Exception {
        Map<String, Object> photoSentiment = Map.of(
                "dataFields", List.of(Map.of("name", "caption", "type", "text", "required", true),
                        Map.of("name", "photo", "type", "image", "required", true)),
                "label", ProjectFixtures.sentimentSchema().get("label"));
        DecisionFixtures.ItemInReview item = DecisionFixtures.itemInReview(dataSource, decisions, List.of(), photoSentiment);
        QueueFixtures.awaitQueueSees(dataSource, item.projectId(), "active");
        QueueFixtures.execute(dataSource, "INSERT INTO tasks.item (id, project_id, data, answers_needed) OVERRIDING SYSTEM VALUE "
                + "VALUES (?, ?, cast(? AS jsonb), 3)",
                item.itemId(), item.projectId(), "{\"caption\": \"a street at night\", \"photo\": \"asset:street/night-001.jpg\"}");
        String session = signIn(ConsoleFixtures.admin(dataSource));

        String page = console(session).get("/admin/reviews/" + item.itemId()).then().statusCode(200)
                .body(containsString("a street at night")).extract().body().asString();

        assertThat(page).containsPattern("<img src=\"http[^\"]*/street/night-001\\.jpg\\?[^\"]*signature=[^\"]+\" alt=\"photo\">");
    }

    private Person reviewer() throws Exception {
        Person reviewer = TestAccounts.signedIn("labeler");
        ConsoleFixtures.sql(dataSource, "UPDATE users.account SET roles = '{reviewer}' WHERE id = ?", reviewer.id());
        return reviewer;
    }

    private boolean inReview(long itemId) throws Exception {
        return QueueFixtures.count(dataSource, "SELECT count(*) FROM consensus.item WHERE id = ? AND state = 'review'", itemId) == 1;
    }

    private long audited(long itemId) throws Exception {
        return QueueFixtures.count(dataSource, "SELECT count(*) FROM admin.audit_entry WHERE target_type = 'item' AND target_id = ?",
                Long.toString(itemId));
    }
}
