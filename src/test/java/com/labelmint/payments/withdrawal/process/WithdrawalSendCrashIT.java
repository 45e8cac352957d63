package com.labelmint.payments.withdrawal.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.labelmint.payments.ledger.LedgerInvariants;
import com.labelmint.payments.ton.ReceivedPayout;
import com.labelmint.payments.ton.StandInTonChain;
import com.labelmint.payments.ton.TonNetwork;
import com.labelmint.testing.process.AppProcess;
import com.labelmint.testing.process.TestDatabase;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Withdrawals across kill -9 of the packaged application, against the toncenter stand-in playing the hot wallet
 * (it executes only a message signed for its current seqno, as a wallet does). Whatever moment the process dies
 * at — while sendBoc has not answered yet, or in the middle of a batch — every withdrawal is sent as exactly one
 * message, completes once, and the ledger stays sound.
 */
class WithdrawalSendCrashIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(180);
    private static final String ADDRESS = StandInTonChain.LABELER.userFriendly(TonNetwork.MAINNET, false);

    private static StandInTonChain chain;
    private static TestDatabase database;
    private static int instances;

    @BeforeAll
    static void aChain() {
        chain = new StandInTonChain();
    }

    @AfterAll
    static void cleanUp() {
        if (database != null) {
            database.close();
        }
        if (chain != null) {
            chain.close();
        }
    }

    /** Each test on a database of its own (so one's leftovers never hold up the other's queue) and a fresh chain history. */
    @BeforeEach
    void aFreshDatabaseAndChainHistory() {
        if (database != null) {
            database.close();
        }
        database = TestDatabase.recreate("labelmint_wd_send_crash");
        chain.reset(chain.seqno());
    }

    @Test
    void killedWhileSendBocHasNotAnsweredTheRestartedSenderSendsNothingTwice() throws Exception {
        chain.delaySendBoc(5_000);
        List<UUID> withdrawals;
        try (AppProcess first = start()) {
            String labeler = labelerWith(first, "100");
            withdrawals = List.of(withdraw(first, labeler, "5"), withdraw(first, labeler, "6"), withdraw(first, labeler, "7"));
            awaitCount("SELECT count(*) FROM payments.withdrawal WHERE status = 'sending'", 1);
            Thread.sleep(1_500); // recorded and committed; sendBoc is waiting for its answer
            first.kill();
        }
        database.awaitNoApplicationConnections(Duration.ofSeconds(10));
        assertThat(database.queryLong("SELECT count(*) FROM payments.withdrawal WHERE status = 'sending'"))
                .as("the message was recorded before it was sent").isOne();

        chain.delaySendBoc(200);
        try (AppProcess second = start()) {
            awaitAllCompleted(second, withdrawals);
        }
        assertExactlyOneMessageEach(withdrawals.size());
    }

    @Test
    void aBatchOfWithdrawalsSurvivesKillsAtRandomMomentsAndEachIsPaidOnce() throws Exception {
        int count = 12;
        int kills = Integer.getInteger("labelmint.it.withdrawal-kills", 2);
        long seed = Long.getLong("labelmint.it.seed", System.nanoTime());
        Random random = new Random(seed);
        System.out.printf("WithdrawalSendCrashIT: seed %d (rerun with -Dlabelmint.it.seed=%d)%n", seed, seed);
        chain.delaySendBoc(300);
        List<UUID> withdrawals = new ArrayList<>();
        AppProcess app = start();
        try {
            String labeler = labelerWith(app, "100");
            for (int i = 0; i < count; i++) {
                withdrawals.add(withdraw(app, labeler, "1." + (10 + i)));
            }
            for (int kill = 1; kill <= kills; kill++) {
                // kill once this many more have completed, with the chain answering all the while
                long killAfter = database.queryLong("SELECT count(*) FROM payments.withdrawal WHERE status = 'completed'")
                        + 1 + random.nextInt(3);
                long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
                while (database.queryLong("SELECT count(*) FROM payments.withdrawal WHERE status = 'completed'") < killAfter) {
                    app.assertAlive();
                    assertThat(deadline - System.nanoTime()).as("progress before kill %d", kill).isPositive();
                    chain.executeAndDeliverWhatTheWalletAccepts();
                    Thread.sleep(100 + random.nextInt(200));
                }
                app.kill();
                database.awaitNoApplicationConnections(Duration.ofSeconds(10));
                app = start();
            }
            awaitAllCompleted(app, withdrawals);
        } finally {
            app.close();
        }
        assertExactlyOneMessageEach(withdrawals.size());
    }

    private void awaitAllCompleted(AppProcess app, List<UUID> withdrawals) throws Exception {
        UUID[] ids = withdrawals.toArray(UUID[]::new);
        long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
        while (database.queryLong("SELECT count(*) FROM payments.withdrawal WHERE status = 'completed' AND id = ANY(?)", (Object) ids)
                < ids.length) {
            app.assertAlive();
            assertThat(deadline - System.nanoTime()).as("%d withdrawals completed within %s", ids.length, SETTLE_TIMEOUT).isPositive();
            chain.executeAndDeliverWhatTheWalletAccepts();
            Thread.sleep(250);
        }
        assertThat(database.queryLong("SELECT count(*) FROM payments.withdrawal WHERE status <> 'completed'")).isZero();
    }

    /** Of everything the stand-in received since this test began, one distinct message per withdrawal, and the ledger sound. */
    private void assertExactlyOneMessageEach(int withdrawals) throws Exception {
        Map<Long, Set<String>> messagesByQueryId = chain.sentBocs().stream().distinct()
                .collect(Collectors.groupingBy(boc -> ReceivedPayout.read(boc).queryId(), Collectors.toSet()));
        assertThat(messagesByQueryId).hasSize(withdrawals);
        assertThat(messagesByQueryId.values()).allSatisfy(messages -> assertThat(messages).hasSize(1));
        try (Connection connection = database.connect()) {
            assertThat(new LedgerInvariants().violations(connection)).isEmpty();
        }
        assertThat(database.queryLong("SELECT count(*) FROM payments.transfer WHERE reason_type = 'withdrawal' AND kind = 'post-pending'"))
                .isEqualTo(database.queryLong("SELECT count(*) FROM payments.withdrawal WHERE status = 'completed'"));
    }

    private static AppProcess start() {
        Map<String, String> env = new HashMap<>();
        env.put("LABELMINT_TON_NETWORK", "mainnet");
        env.put("LABELMINT_TON_API_URL", chain.baseUrl());
        env.put("LABELMINT_TON_API_KEY", chain.apiKey());
        env.put("LABELMINT_TON_HOT_WALLET_SEED", StandInTonChain.HOT_WALLET_SEED);
        env.put("LABELMINT_PAYMENTS_WITHDRAWAL_MINIMUM", "1");
        env.put("LABELMINT_PAYMENTS_WITHDRAWAL_SEND_INTERVAL", "1s");
        env.put("LABELMINT_PAYMENTS_WITHDRAWAL_CONFIRMATION_INTERVAL", "1s");
        env.put("LABELMINT_PAYMENTS_DEPOSIT_POLL_INTERVAL", "off");
        env.put("LABELMINT_PAYMENTS_RECONCILIATION_INTERVAL", "off");
        // sign-up, login and withdrawals are all in the strict group; this test is not about rate limits
        env.put("LABELMINT_RATE_LIMIT_GROUPS_STRICT_REQUESTS_PER_IP", "100000");
        env.put("LABELMINT_RATE_LIMIT_GROUPS_STRICT_REQUESTS_PER_ACCOUNT", "100000");
        return AppProcess.start("wd-crash-" + (++instances), database.jdbcUrl(), env);
    }

    private void awaitCount(String sql, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
        while (database.queryLong(sql) < expected) {
            assertThat(deadline - System.nanoTime()).as("%s reaches %d", sql, expected).isPositive();
            Thread.sleep(50);
        }
    }

    /** A labeler signed up through the API, with a deposit credited as the deposit watcher would (hot wallet → balance). */
    private String labelerWith(AppProcess app, String usdt) throws Exception {
        String email = "labeler-" + UUID.randomUUID() + "@example.org";
        String password = "correct horse battery staple";
        String id = JSON.readTree(post(app, "/api/v1/auth/register", null, null,
                Map.of("email", email, "password", password, "displayName", "Crash", "role", "labeler"), 201)).get("id").asText();
        String token = JSON.readTree(post(app, "/api/v1/auth/login", null, null, Map.of("email", email, "password", password), 200))
                .get("accessToken").asText();
        long units = Long.parseLong(usdt) * 1_000_000L;
        try (Connection connection = database.connect()) {
            connection.setAutoCommit(false);
            execute(connection, "INSERT INTO payments.account (id, kind, owner_id, currency, debits_must_not_exceed_credits, "
                    + "credits_must_not_exceed_debits, created_at) VALUES (gen_random_uuid(), 'ton-hot-wallet', NULL, 'USDT', false, true, now()) "
                    + "ON CONFLICT DO NOTHING");
            UUID user = UUID.randomUUID();
            execute(connection, "INSERT INTO payments.account (id, kind, owner_id, currency, debits_must_not_exceed_credits, "
                    + "credits_must_not_exceed_debits, credits_posted, created_at) VALUES (?, 'user', ?, 'USDT', true, false, ?, now())",
                    user, UUID.fromString(id), units);
            execute(connection, "UPDATE payments.account SET debits_posted = debits_posted + ? WHERE kind = 'ton-hot-wallet'", units);
            execute(connection, "INSERT INTO payments.transfer (id, kind, debit_account_id, credit_account_id, amount, currency, "
                    + "reason_type, reason_id, note, created_at) SELECT gen_random_uuid(), 'posted', id, ?, ?, 'USDT', 'deposit', ?, "
                    + "'test deposit', now() FROM payments.account WHERE kind = 'ton-hot-wallet'", user, units, UUID.fromString(id));
            connection.commit();
        }
        return token;
    }

    private static UUID withdraw(AppProcess app, String token, String amount) throws Exception {
        return UUID.fromString(JSON.readTree(post(app, "/api/v1/wallet/withdrawals", token, UUID.randomUUID().toString(),
                Map.of("amount", amount, "address", ADDRESS), 201)).get("id").asText());
    }

    private static String post(AppProcess app, String path, String token, String idempotencyKey, Map<String, String> body, int expected)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(app.uri(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s: %s", path, response.body()).isEqualTo(expected);
        return response.body();
    }

    private static void execute(Connection connection, String sql, Object... parameters) throws Exception {
        try (var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }
}
