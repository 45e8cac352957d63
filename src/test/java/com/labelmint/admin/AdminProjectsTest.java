package com.labelmint.admin;

import static com.labelmint.admin.ConsoleFixtures.console;
import static com.labelmint.admin.ConsoleFixtures.signIn;
import static org.hamcrest.Matchers.containsString;

import com.labelmint.consensus.decision.ItemDecisions;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The projects pages: the list by status, and a project's labels, agreement and least sure items. */
@QuarkusTest
class AdminProjectsTest {

    @Inject
    DataSource dataSource;

    @Inject
    ItemDecisions decisions;

    @Test
    void aProjectShowsItsLabelDistributionAgreementAndLeastSureItems() throws Exception {
        DecisionFixtures.OpenDispute decided = DecisionFixtures.rejectedAnswerDisputed(dataSource, decisions, "a 2-1 vote");
        ConsoleFixtures.Admin admin = ConsoleFixtures.admin(dataSource);
        String session = signIn(admin);

        console(session).get("/admin/projects?status=active").then().statusCode(200)
                .body(containsString("/admin/projects/" + decided.projectId()));
        console(session).get("/admin/projects?status=finished").then().statusCode(400).body(containsString("archived"));
        console(session).get("/admin/projects/" + UUID.randomUUID()).then().statusCode(404);
        console(session).get("/admin/projects/" + decided.projectId()).then().statusCode(200)
                .body(containsString("Label distribution (1 items decided)"))
                .body(containsString("&quot;positive&quot;"))
                .body(containsString("<td>" + decided.itemId() + "</td>"))
                .body(containsString("mean consensus confidence"));
    }
}
