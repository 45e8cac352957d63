package com.labelmint.payments.withdrawal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import com.labelmint.payments.HotWalletMoney;
import com.labelmint.payments.StandInChainBalance;
import com.labelmint.payments.ledger.Ledger;
import com.labelmint.payments.ledger.LedgerAccounts;
import com.labelmint.payments.ledger.LedgerInvariants;
import com.labelmint.payments.reconciliation.Reconciliation;
import com.labelmint.payments.ton.ReceivedPayout;
import com.labelmint.payments.ton.StandInTonChain;
import com.labelmint.payments.ton.TonNetwork;
import com.labelmint.platform.money.Currency;
import com.labelmint.platform.money.Money;
import com.labelmint.tasks.QueueFixtures;
import com.labelmint.testing.TestAccounts;
import com.labelmint.testing.TestAccounts.Person;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Withdrawals through the public API against the toncenter stand-in: held at once, sent as a USDT transfer the
 * stand-in receives (and we read back), followed on chain to completed (the hold posted) or failed (voided, the
 * reason shown); approval and rejection; idempotency; every kind of bad input with nothing moved.
 */
@QuarkusTest
@TestProfile(WithdrawalProfile.class)
class WithdrawalFlowsTest {

    private static final String WITHDRAWALS = "/api/v1/wallet/withdrawals";
    private static final String ADMIN_WITHDRAWALS = "/api/v1/admin/withdrawals";
    private static final String LABELER_ADDRESS = StandInTonChain.LABELER.userFriendly(TonNetwork.MAINNET, false);

    @Inject
    DataSource dataSource;

    @Inject
    Ledger ledger;

    @Inject
    LedgerAccounts accounts;

    @Inject
    LedgerInvariants invariants;

    @Inject
    WithdrawalSender sender;

    @Inject
    WithdrawalTracker tracker;

    @Inject
    Reconciliation reconciliation;

    @Inject
    StandInChainBalance chainBalance;

    private StandInTonChain chain;
    private long seqnoAtStart;

    /** A fresh history; the wallet's seqno goes on from where the last test left it, as a real wallet's does. */
    @BeforeEach
    void aFreshChain() {
        chain = StandInChainResource.chain();
        seqnoAtStart = chain.seqno();
        chain.reset(seqnoAtStart);
    }

    @Test
    void aWithdrawalIsHeldSentFollowedOnChainAndPosted() throws Exception {
        Person labeler = labelerWith("30");

        String id = request(labeler, UUID.randomUUID().toString(), "12.5", LABELER_ADDRESS).statusCode(201)
                .body("status", equalTo("queued")).body("amount.amount", equalTo("12.500000")).body("address", equalTo(LABELER_ADDRESS))
                .extract().path("id");
        wallet(labeler).body("balances[0].available.amount", equalTo("17.500000")).body("balances[0].held.amount", equalTo("12.500000"));

        assertThat(sender.sendNext()).isTrue();
        assertThat(sender.sendNext()).as("one message in flight at a time").isFalse();
        own(labeler, id).body("status", equalTo("sending"));
        long queryId = queryIdOf(id);
        String boc = onlyElement(chain.sentBocs());
        ReceivedPayout sent = ReceivedPayout.read(boc);
        assertThat(sent.wallet()).isEqualTo(StandInTonChain.HOT_WALLET_RAW);
        assertThat(sent.seqno()).isEqualTo(seqnoAtStart);
        assertThat(sent.jettonWallet()).isEqualTo(StandInTonChain.HOT_JETTON_WALLET.raw());
        assertThat(sent.queryId()).isEqualTo(queryId);
        assertThat(sent.amountUnits()).isEqualTo(12_500_000L);
        assertThat(sent.destination()).isEqualTo(StandInTonChain.LABELER.raw());
        assertThat(sent.responseDestination()).as("the unspent TON comes back").isEqualTo(StandInTonChain.HOT_WALLET_RAW);
        assertThat(sent.comment()).isEqualTo("LabelMint withdrawal #" + queryId);

        tracker.follow();
        assertThat(chain.sentBocs()).as("not on chain yet and still valid: the same message again").containsExactly(boc, boc);

        chain.execute(boc);
        tracker.follow();
        own(labeler, id).body("status", equalTo("sent")).body("transactionHash", not(nullValue()));

        chain.excesses(StandInTonChain.STRANGER, queryId);
        tracker.follow();
        own(labeler, id).body("status", equalTo("sent"));

        chain.delivered(queryId);
        tracker.follow();
        own(labeler, id).body("status", equalTo("completed")).body("failureReason", nullValue());
        wallet(labeler).body("balances[0].balance.amount", equalTo("17.500000")).body("balances[0].held.amount", equalTo("0.000000"));
        assertThat(events("payments.WithdrawalRequested", id)).isOne();
        assertThat(events("payments.WithdrawalCompleted", id)).isOne();
        assertThat(chain.sentBocs()).as("exactly one message for the withdrawal").containsOnly(boc);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(labeler.accessToken())
                .get("/api/v1/notifications").then().statusCode(200)
                .body("items.kind", hasItems("withdrawal-requested", "withdrawal-sent")));
        assertSound();
    }

    @Test
    void aBouncedTransferFailsReleasesTheHoldAndSaysWhy() throws Exception {
        Person labeler = labelerWith("10");
        String id = request(labeler, UUID.randomUUID().toString(), "5", LABELER_ADDRESS).statusCode(201).extract().path("id");

        assertThat(sender.sendNext()).isTrue();
        chain.execute(onlyElement(chain.sentBocs()));
        chain.bounced(queryIdOf(id));
        tracker.follow();
        tracker.follow();

        own(labeler, id).body("status", equalTo("failed")).body("failureReason", equalTo(WithdrawalTracker.BOUNCED));
        wallet(labeler).body("balances[0].available.amount", equalTo("10.000000")).body("balances[0].held.amount", equalTo("0.000000"));
        assertThat(events("payments.WithdrawalFailed", id)).isOne();
        assertSound();
    }

    @Test
    void aMessageThatExpiredUnseenIsReplacedNeverDoubledAndFailsAfterTheLastAttempt() throws Exception {
        Person labeler = labelerWith("10");
        String id = request(labeler, UUID.randomUUID().toString(), "4", LABELER_ADDRESS).statusCode(201).extract().path("id");
        assertThat(sender.sendNext()).isTrue();
        String first = onlyElement(chain.sentBocs());

        expire(id);
        tracker.follow();
        own(labeler, id).body("status", equalTo("queued"));
        Thread.sleep(1_100); // a real expiry is minutes later; a second is enough for the new message to have a later expiry
        assertThat(sender.sendNext()).isTrue();
        List<String> sent = chain.sentBocs();
        String second = sent.get(sent.size() - 1);
        assertThat(second).as("a new message").isNotEqualTo(first);
        assertThat(ReceivedPayout.read(second).queryId()).as("for the same payout").isEqualTo(ReceivedPayout.read(first).queryId());
        assertThat(ReceivedPayout.read(second).seqno()).as("the old one can no longer take the seqno").isEqualTo(seqnoAtStart);

        expire(id);
        tracker.follow();
        own(labeler, id).body("status", equalTo("failed")).body("failureReason", equalTo(WithdrawalTracker.NEVER_SENT));
        wallet(labeler).body("balances[0].available.amount", equalTo("10.000000"));
        assertSound();
    }

    @Test
    void aMessageWhoseSeqnoWasTakenButIsNotFoundIsLeftForAnOperator() throws Exception {
        Person labeler = labelerWith("10");
        String id = request(labeler, UUID.randomUUID().toString(), "3", LABELER_ADDRESS).statusCode(201).extract().path("id");
        assertThat(sender.sendNext()).isTrue();
        chain.reset(seqnoAtStart + 1); // the wallet moved past the message's seqno, and the history does not show it

        expire(id);
        tracker.follow();

        own(labeler, id).body("status", equalTo("sending"));
        wallet(labeler).body("balances[0].held.amount", equalTo("3.000000"));
        // what an operator would do once they know it never landed: put it back before signing, and reject it
        QueueFixtures.execute(dataSource, "UPDATE payments.withdrawal SET status = 'queued' WHERE id = ?", UUID.fromString(id));
        reject(id);
    }

    @Test
    void largeWithdrawalsWaitForAnAdminWhoApprovesOrRejectsWithAReason() throws Exception {
        Person admin = TestAccounts.admin(dataSource);
        Person approved = labelerWith("100");
        Person rejected = labelerWith("100");
        String approvedId = request(approved, UUID.randomUUID().toString(), "60", LABELER_ADDRESS).statusCode(201)
                .body("status", equalTo("awaiting_approval")).extract().path("id");
        String rejectedId = request(rejected, UUID.randomUUID().toString(), "70", LABELER_ADDRESS).statusCode(201).extract().path("id");
        assertThat(sender.sendNext()).as("nothing goes out before approval").isFalse();

        given().auth().oauth2(admin.accessToken()).queryParam("status", "awaiting_approval").get(ADMIN_WITHDRAWALS).then().statusCode(200)
                .body("items.id", hasItem(approvedId)).body("items.id", hasItem(rejectedId));
        decide(admin, approvedId, "approval", Map.of("reason", "known labeler")).statusCode(200)
                .body("status", equalTo("approved")).body("decidedBy", equalTo(admin.id().toString()));
        decide(admin, approvedId, "approval", Map.of()).statusCode(409);
        own(approved, approvedId).body("status", equalTo("approved")).body("decisionReason", equalTo("known labeler"))
                .body("$", not(hasKey("decidedBy")));

        decide(admin, rejectedId, "rejection", Map.of()).statusCode(400).body("type", equalTo("urn:labelmint:problem:rejection-reason-required"));
        decide(admin, rejectedId, "rejection", Map.of("reason", "address on a sanctions list")).statusCode(200)
                .body("status", equalTo("rejected"));
        decide(admin, rejectedId, "rejection", Map.of("reason", "again")).statusCode(409);
        own(rejected, rejectedId).body("status", equalTo("rejected"))
                .body("failureReason", equalTo("Rejected: address on a sanctions list"))
                .body("$", not(hasKey("decidedBy")));
        wallet(rejected).body("balances[0].available.amount", equalTo("100.000000")).body("balances[0].held.amount", equalTo("0.000000"));
        given().auth().oauth2(rejected.accessToken()).get(WITHDRAWALS + "/" + approvedId).then().statusCode(404);
        given().auth().oauth2(rejected.accessToken()).get(WITHDRAWALS).then().statusCode(200)
                .body("items.id", equalTo(List.of(rejectedId)));
        given().auth().oauth2(admin.accessToken()).queryParam("status", "nonsense").get(ADMIN_WITHDRAWALS).then().statusCode(400);

        assertThat(sender.sendNext()).isTrue();
        String boc = onlyElement(chain.sentBocs());
        assertThat(ReceivedPayout.read(boc).amountUnits()).isEqualTo(60_000_000L);
        chain.execute(boc);
        chain.delivered(queryIdOf(approvedId));
        tracker.follow();
        own(approved, approvedId).body("status", equalTo("completed"));
        assertSound();
    }

    @Test
    void theSameKeyAndBodyIsTheSameWithdrawalAndADifferentBodyIsRefused() throws Exception {
        Person labeler = labelerWith("20");
        String key = UUID.randomUUID().toString();
        String id = request(labeler, key, "2", LABELER_ADDRESS).statusCode(201).extract().path("id");

        request(labeler, key, "2.000", StandInTonChain.LABELER.raw()).statusCode(200).header("Idempotent-Replayed", "true")
                .body("id", equalTo(id));
        request(labeler, key, "3", LABELER_ADDRESS).statusCode(409).body("type", equalTo("urn:labelmint:problem:idempotency-key-reused"));

        wallet(labeler).body("balances[0].held.amount", equalTo("2.000000"));
        reject(id);
    }

    @Test
    void badInputIsAProblemAndMovesNothing() throws Exception {
        Person labeler = labelerWith("10");
        String badChecksum = LABELER_ADDRESS.substring(0, 20) + (LABELER_ADDRESS.charAt(20) == 'A' ? 'B' : 'A') + LABELER_ADDRESS.substring(21);
        List<Map<String, Object>> bodies = List.of(
                Map.of("amount", "0", "address", LABELER_ADDRESS),
                Map.of("amount", "-1", "address", LABELER_ADDRESS),
                Map.of("amount", "1.0000001", "address", LABELER_ADDRESS),
                Map.of("amount", 2.5, "address", LABELER_ADDRESS),
                Map.of("amount", "two", "address", LABELER_ADDRESS),
                Map.of("address", LABELER_ADDRESS),
                Map.of("amount", "0.5", "address", LABELER_ADDRESS),
                Map.of("amount", "2", "address", LABELER_ADDRESS, "currency", "TON"),
                Map.of("amount", "2", "address", "not an address"),
                Map.of("amount", "2", "address", badChecksum),
                Map.of("amount", "2", "address", StandInTonChain.LABELER.userFriendly(TonNetwork.TESTNET, false)),
                Map.of("amount", "2"));
        for (Map<String, Object> body : bodies) {
            given().auth().oauth2(labeler.accessToken()).header("Idempotency-Key", UUID.randomUUID().toString())
                    .contentType(ContentType.JSON).body(body).post(WITHDRAWALS)
                    .then().statusCode(400).contentType("application/problem+json");
        }
        given().auth().oauth2(labeler.accessToken()).contentType(ContentType.JSON).body(Map.of("amount", "2", "address", LABELER_ADDRESS))
                .post(WITHDRAWALS).then().statusCode(400).body("type", equalTo("urn:labelmint:problem:idempotency-key-required"));
        request(labeler, UUID.randomUUID().toString(), "10.000001", LABELER_ADDRESS).statusCode(409)
                .body("type", equalTo("urn:labelmint:problem:insufficient-funds"));

        assertNothingMoved(labeler, "10.000000");
    }

    @Test
    void theDailyLimitCountsWhatIsHeldAndNotWhatWasRejected() throws Exception {
        Person labeler = labelerWith("200");
        String large = request(labeler, UUID.randomUUID().toString(), "60", LABELER_ADDRESS).statusCode(201).extract().path("id");

        request(labeler, UUID.randomUUID().toString(), "45", LABELER_ADDRESS).statusCode(409)
                .body("type", equalTo("urn:labelmint:problem:withdrawal-daily-limit"));
        wallet(labeler).body("balances[0].held.amount", equalTo("60.000000"));

        reject(large);
        String fits = request(labeler, UUID.randomUUID().toString(), "45", LABELER_ADDRESS).statusCode(201).extract().path("id");
        reject(fits);
    }

    @Test
    void anUncleanReconciliationPausesWithdrawals() throws Exception {
        Person labeler = labelerWith("10");
        try {
            chainBalance.reports(Optional.of(Money.ofUnits(Long.MAX_VALUE / 2, Currency.USDT)));
            assertThat(reconciliation.run().clean()).isFalse();

            request(labeler, UUID.randomUUID().toString(), "2", LABELER_ADDRESS).statusCode(503)
                    .body("type", equalTo("urn:labelmint:problem:withdrawals-paused"));
        } finally {
            chainBalance.reports(Optional.empty());
            assertThat(reconciliation.run().clean()).isTrue();
        }
        assertNothingMoved(labeler, "10.000000");
    }

    private Person labelerWith(String amount) {
        Person labeler = TestAccounts.signedIn("labeler");
        HotWalletMoney.deposit(dataSource, accounts, ledger, labeler.id(), amount);
        return labeler;
    }

    private static ValidatableResponse request(Person person, String key, Object amount, String address) {
        Map<String, Object> body = new HashMap<>();
        body.put("amount", amount);
        body.put("address", address);
        return given().auth().oauth2(person.accessToken()).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .post(WITHDRAWALS).then();
    }

    private static ValidatableResponse own(Person person, String id) {
        return given().auth().oauth2(person.accessToken()).get(WITHDRAWALS + "/" + id).then().statusCode(200);
    }

    private static ValidatableResponse wallet(Person person) {
        return given().auth().oauth2(person.accessToken()).get("/api/v1/wallet").then().statusCode(200);
    }

    private static ValidatableResponse decide(Person admin, String id, String decision, Map<String, String> body) {
        return given().auth().oauth2(admin.accessToken()).contentType(ContentType.JSON).body(body)
                .post(ADMIN_WITHDRAWALS + "/" + id + "/" + decision).then();
    }

    /** Rejects a withdrawal a test left queued, so the next test's sender does not find it. */
    private void reject(String id) throws Exception {
        decide(TestAccounts.admin(dataSource), id, "rejection", Map.of("reason", "test over")).statusCode(200);
    }

    private void assertNothingMoved(Person labeler, String balance) throws Exception {
        wallet(labeler).body("balances[0].available.amount", equalTo(balance)).body("balances[0].held.amount", equalTo("0.000000"));
        assertThat(QueueFixtures.count(dataSource, "SELECT count(*) FROM payments.withdrawal WHERE user_id = ?", labeler.id())).isZero();
    }

    /** Time passes beyond the recorded message's expiry (and the margin after it). */
    private void expire(String id) throws Exception {
        QueueFixtures.execute(dataSource, "UPDATE payments.withdrawal SET valid_until = now() - interval '1 hour' WHERE id = ?",
                UUID.fromString(id));
    }

    private long queryIdOf(String id) throws Exception {
        return QueueFixtures.count(dataSource, "SELECT query_id FROM payments.withdrawal WHERE id = ?", UUID.fromString(id));
    }

    private long events(String type, String withdrawalId) throws Exception {
        return QueueFixtures.count(dataSource, "SELECT count(*) FROM platform.outbox_event WHERE type = ? AND payload->>'withdrawalId' = ?",
                type, withdrawalId);
    }

    private static String onlyElement(List<String> bocs) {
        assertThat(bocs).hasSize(1);
        return bocs.get(0);
    }

    private void assertSound() {
        List<String> violations = QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                return invariants.violations(connection);
            }
        });
        assertThat(violations).isEmpty();
    }
}
