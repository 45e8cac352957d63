package com.labelmint.admin;

import static com.labelmint.admin.ConsoleFixtures.console;
import static com.labelmint.admin.ConsoleFixtures.csrfOf;
import static com.labelmint.admin.ConsoleFixtures.signIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

import com.labelmint.payments.api.PaymentsApi;
import com.labelmint.payments.ledger.Ledger;
import com.labelmint.payments.ledger.LedgerAccounts;
import com.labelmint.payments.withdrawal.WithdrawalProfile;
import com.labelmint.tasks.QueueFixtures;
import com.labelmint.testing.TestAccounts;
import com.labelmint.testing.TestAccounts.Person;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Withdrawals in the console, against the toncenter stand-in: the list and a withdrawal's page, approving and
 * rejecting (confirmed first) as the payments module decides them, audited; and who may do it. Every test leaves no
 * withdrawal the sender could pick up, for the withdrawal tests that share this application.
 */
@QuarkusTest
@TestProfile(WithdrawalProfile.class)
class AdminWithdrawalsTest {

    /** Who the clean-up's rejections are recorded as made by. */
    private static final UUID CLEANER = new UUID(0, 0);

    @Inject
    DataSource dataSource;

    @Inject
    LedgerAccounts accounts;

    @Inject
    Ledger ledger;

    @Inject
    PaymentsApi payments;

    private final List<UUID> requested = new ArrayList<>();

    /** Rejects what a test left unsent (releasing its hold), so the sender of the next test class does not find it. */
    @AfterEach
    void nothingLeftToSend() {
        requested.stream().filter(id -> payments.withdrawalCase(id).orElseThrow().rejectable())
                .forEach(id -> payments.rejectWithdrawal(CLEANER, id, "test over"));
    }

    private WithdrawalFixtures.Requested awaitingApproval() {
        WithdrawalFixtures.Requested withdrawal = WithdrawalFixtures.awaitingApproval(dataSource, accounts, ledger);
        requested.add(withdrawal.id());
        return withdrawal;
    }

    @Test
    void withoutASessionTheWithdrawalPagesSendToSignInAndOnlyAdminsGetIn() throws Exception {
        WithdrawalFixtures.Requested withdrawal = awaitingApproval();
        String page = "/admin/money/withdrawals/" + withdrawal.id();
        for (String path : new String[] {"/admin/money/withdrawals", page}) {
            console("not-a-session").get(path).then().statusCode(303).header("Location", endsWith("/admin/login"));
        }
        console("not-a-session").formParam("reason", "ok").post(page + "/approval").then().statusCode(303);

        Person reviewer = TestAccounts.signedIn("labeler");
        ConsoleFixtures.sql(dataSource, "UPDATE users.account SET roles = '{reviewer}' WHERE id = ?", reviewer.id());
        for (String session : new String[] {signIn(withdrawal.labeler().email(), null), signIn(reviewer.email(), null)}) {
            console(session).get("/admin/money/withdrawals").then().statusCode(403);
            console(session).get(page).then().statusCode(403);
            console(session).formParam("csrf", csrfOf(console(session).get("/admin/reviews").then().extract().body().asString()))
                    .post(page + "/approval").then().statusCode(403);
        }
        assertThat(status(withdrawal.id())).isEqualTo("awaiting_approval");
    }

    @Test
    void theListShowsWhatAwaitsApprovalAndFiltersByStatusOnTheServer() throws Exception {
        WithdrawalFixtures.Requested withdrawal = awaitingApproval();
        String session = signIn(ConsoleFixtures.admin(dataSource));
        String link = "/admin/money/withdrawals/" + withdrawal.id();

        console(session).get("/admin/money/withdrawals").then().statusCode(200).body(containsString(link))
                .body(containsString("60.000000 USDT")).body(containsString("<option value=\"awaiting_approval\" selected>"));
        console(session).get("/admin/money/withdrawals?status=completed").then().statusCode(200).body(not(containsString(link)));
        console(session).get("/admin/money/withdrawals?status=any").then().statusCode(200).body(containsString(link));
        console(session).get("/admin/money/withdrawals?status=nonsense").then().statusCode(400)
                .body(containsString("No withdrawal status"));
        console(session).get("/admin/money/withdrawals?status=any&cursor=garbage").then().statusCode(400);
        console(session).get("/admin/money/withdrawals/" + UUID.randomUUID()).then().statusCode(404);
        console(session).get("/admin").then().statusCode(200).body(containsString("withdrawals waiting for approval"))
                .body(containsString("href=\"/admin/money/withdrawals\""));
        console(session).get(link).then().statusCode(200).body(containsString(WithdrawalFixtures.ADDRESS))
                .body(containsString("/admin/users/" + withdrawal.labeler().id())).body(containsString(">held<"))
                .body(containsString("<td>awaiting_approval</td>")).body(containsString("id=\"approve\""))
                .body(containsString("id=\"reject\""));
    }

    @Test
    void aPostWithoutOrWithAWrongCsrfTokenIs403AndChangesNothing() throws Exception {
        WithdrawalFixtures.Requested withdrawal = awaitingApproval();
        String session = signIn(ConsoleFixtures.admin(dataSource));
        String page = "/admin/money/withdrawals/" + withdrawal.id();

        for (String action : new String[] {"/approval", "/rejection"}) {
            console(session).formParam("reason", "r").formParam("confirmed", "yes").post(page + action).then().statusCode(403);
            console(session).formParam("csrf", "wrong").formParam("reason", "r").formParam("confirmed", "yes").post(page + action)
                    .then().statusCode(403);
        }
        assertThat(status(withdrawal.id())).isEqualTo("awaiting_approval");
        assertThat(WithdrawalFixtures.balanceOf(withdrawal.labeler())).isEqualTo("40.000000 available, 60.000000 held");
        assertThat(audited(withdrawal.id())).isZero();
    }

    @Test
    void anAdminApprovesAndTheDecisionIsAuditedWithBeforeAndAfter() throws Exception {
        WithdrawalFixtures.Requested withdrawal = awaitingApproval();
        AdminAtPage at = adminAt(withdrawal);

        console(at.session()).formParam("csrf", at.csrf()).formParam("reason", "known labeler").post(at.page() + "/approval")
                .then().statusCode(303).header("Location", endsWith(at.page()));

        assertThat(status(withdrawal.id())).isEqualTo("approved");
        assertThat(QueueFixtures.count(dataSource, "SELECT count(*) FROM payments.withdrawal WHERE id = ? AND decided_by = ? "
                + "AND decision_reason = 'known labeler'", withdrawal.id(), at.admin().id())).isOne();
        assertThat(QueueFixtures.count(dataSource, "SELECT count(*) FROM admin.audit_entry WHERE action = 'withdrawal.approve' "
                + "AND target_id = ? AND actor_id = ? AND before->>'status' = 'awaiting_approval' AND after->>'status' = 'approved'",
                withdrawal.id().toString(), at.admin().id())).isOne();
        console(at.session()).get(at.page()).then().statusCode(200).body(containsString("<td>approved</td>"))
                .body(not(containsString("id=\"approve\""))).body(containsString("id=\"reject\""));
        console(at.session()).formParam("csrf", at.csrf()).post(at.page() + "/approval").then().statusCode(409)
                .body(containsString("not awaiting approval"));
        assertThat(audited(withdrawal.id())).isOne();
    }

    @Test
    void aRejectionNeedsAReasonAndAConfirmationThenReleasesTheHoldAndIsAudited() throws Exception {
        WithdrawalFixtures.Requested withdrawal = awaitingApproval();
        AdminAtPage at = adminAt(withdrawal);

        console(at.session()).formParam("csrf", at.csrf()).formParam("confirmed", "yes").post(at.page() + "/rejection")
                .then().statusCode(400).body(containsString("Fill in reason"));
        console(at.session()).formParam("csrf", at.csrf()).formParam("reason", "address on a sanctions list").post(at.page() + "/rejection")
                .then().statusCode(200).body(containsString("Are you sure?")).body(containsString("60.000000 USDT"));
        assertThat(status(withdrawal.id())).isEqualTo("awaiting_approval");

        console(at.session()).formParam("csrf", at.csrf()).formParam("reason", "address on a sanctions list").formParam("confirmed", "yes")
                .post(at.page() + "/rejection").then().statusCode(303).header("Location", endsWith(at.page()));

        assertThat(status(withdrawal.id())).isEqualTo("rejected");
        assertThat(WithdrawalFixtures.balanceOf(withdrawal.labeler())).isEqualTo("100.000000 available, 0.000000 held");
        assertThat(QueueFixtures.count(dataSource, "SELECT count(*) FROM admin.audit_entry WHERE action = 'withdrawal.reject' "
                + "AND target_id = ? AND actor_id = ? AND reason = 'address on a sanctions list' "
                + "AND before->>'status' = 'awaiting_approval' AND after->>'status' = 'rejected' "
                + "AND after->>'failureReason' = 'Rejected: address on a sanctions list'", withdrawal.id().toString(), at.admin().id()))
                .isOne();
        console(at.session()).get(at.page()).then().statusCode(200).body(containsString(">released<"))
                .body(containsString("<td>awaiting_approval</td>")).body(containsString("<td>rejected</td>"))
                .body(not(containsString("id=\"reject\"")));
        console(at.session()).formParam("csrf", at.csrf()).formParam("reason", "again").formParam("confirmed", "yes")
                .post(at.page() + "/rejection").then().statusCode(409);
    }

    /** An admin signed in, on the withdrawal's page, with the CSRF token its forms carry. */
    private record AdminAtPage(ConsoleFixtures.Admin admin, String session, String page, String csrf) {
    }

    private AdminAtPage adminAt(WithdrawalFixtures.Requested withdrawal) throws Exception {
        ConsoleFixtures.Admin admin = ConsoleFixtures.admin(dataSource);
        String session = signIn(admin);
        String page = "/admin/money/withdrawals/" + withdrawal.id();
        return new AdminAtPage(admin, session, page, csrfOf(console(session).get(page).then().statusCode(200).extract().body().asString()));
    }

    private String status(UUID withdrawalId) throws Exception {
        try (var connection = dataSource.getConnection();
             var query = connection.prepareStatement("SELECT status FROM payments.withdrawal WHERE id = ?")) {
            query.setObject(1, withdrawalId);
            try (var row = query.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    private long audited(UUID withdrawalId) throws Exception {
        return QueueFixtures.count(dataSource, "SELECT count(*) FROM admin.audit_entry WHERE target_type = 'withdrawal' AND target_id = ?",
                withdrawalId.toString());
    }
}
