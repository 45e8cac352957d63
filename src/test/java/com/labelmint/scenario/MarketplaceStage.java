package com.labelmint.scenario;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.labelmint.payments.ton.StandInTonChain;
import com.labelmint.payments.ton.TonNetwork;
import com.labelmint.testing.process.AppProcess;
import com.labelmint.testing.process.TestDatabase;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Everything the marketplace's day needs, on loopback: a database of its own, the TON chain (the toncenter stand-in,
 * whose hot wallet executes what the platform sends it), Telegram (the Bot API stand-in), an SMTP server (GreenMail),
 * and the packaged application as a real process pointed at all of them. Close it to stop everything; the database
 * stays, for a look at the day afterwards, until the next day recreates it.
 */
final class MarketplaceStage implements AutoCloseable {

    private final TestDatabase database;
    private final StandInTonChain chain = new StandInTonChain();
    private final TelegramCloud telegram = new TelegramCloud();
    private final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private final ScheduledExecutorService chainOperator = Executors.newSingleThreadScheduledExecutor();
    private final AppProcess app;

    /** @param databaseName the database to drop and create afresh for the day */
    MarketplaceStage(String databaseName) {
        this(databaseName, Map.of());
    }

    /**
     * @param databaseName the database to drop and create afresh for the day
     * @param settings     more of the application's environment, over the stage's own (e.g. the event transport, Redis,
     *                     rate limiting on: {@link #withRedis(String)})
     */
    MarketplaceStage(String databaseName, Map<String, String> settings) {
        smtp.start();
        // the hot wallet executes whatever it accepts a moment after it arrives, as the chain would
        chainOperator.scheduleWithFixedDelay(chain::executeAndDeliverWhatTheWalletAccepts, 300, 300, TimeUnit.MILLISECONDS);
        database = TestDatabase.recreate(databaseName);
        Map<String, String> env = applicationSettings();
        env.putAll(settings);
        app = AppProcess.start("marketplace", database.jdbcUrl(), env);
    }

    /**
     * Settings that put Redis in every metered request's path: rate limiting on, counted in the Redis at {@code url},
     * with budgets the day cannot spend (everyone calls from 127.0.0.1) and the production timeout.
     */
    static Map<String, String> withRedis(String url) {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_REDIS_HOSTS", url);
        env.put("LABELMINT_RATE_LIMIT_ENABLED", "true");
        for (String group : List.of("STRICT", "DEFAULT")) {
            env.put("LABELMINT_RATE_LIMIT_GROUPS_" + group + "_REQUESTS_PER_IP", "10000000");
            env.put("LABELMINT_RATE_LIMIT_GROUPS_" + group + "_REQUESTS_PER_ACCOUNT", "10000000");
        }
        return env;
    }

    private Map<String, String> applicationSettings() {
        Map<String, String> env = new HashMap<>(telegram.applicationSettings());
        env.put("LABELMINT_TON_NETWORK", "mainnet");
        env.put("LABELMINT_TON_API_URL", chain.baseUrl());
        env.put("LABELMINT_TON_API_KEY", chain.apiKey());
        env.put("LABELMINT_TON_HOT_WALLET_SEED", StandInTonChain.HOT_WALLET_SEED);
        env.put("LABELMINT_TON_CONFIRMATION_DELAY", "0s");
        env.put("LABELMINT_PAYMENTS_DEPOSIT_POLL_INTERVAL", "1s");
        env.put("LABELMINT_PAYMENTS_WITHDRAWAL_SEND_INTERVAL", "1s");
        env.put("LABELMINT_PAYMENTS_WITHDRAWAL_CONFIRMATION_INTERVAL", "1s");
        env.put("LABELMINT_PAYMENTS_WITHDRAWAL_MINIMUM", "0.01");
        env.put("LABELMINT_PAYMENTS_RECONCILIATION_INTERVAL", "off"); // the admin runs one at the end of the day
        env.put("QUARKUS_MAILER_HOST", "127.0.0.1");
        env.put("QUARKUS_MAILER_PORT", Integer.toString(smtp.getSmtp().getPort()));
        env.put("QUARKUS_MAILER_MOCK", "false");
        // The simulated labelers answer in a few hundred milliseconds, not the seconds people take: the speed signal's
        // floor comes down with them (the rule is relative to the crowd; the floor only keeps out network noise).
        env.put("LABELMINT_CONSENSUS_FRAUD_SPEED_MINIMUM_CROWD_MEDIAN", "100ms");
        env.put("LABELMINT_CONSENSUS_FRAUD_CROWD_REFRESH", "2s");
        // Everyone of the day calls from 127.0.0.1: one address's limits would throttle the whole crowd.
        env.put("LABELMINT_RATE_LIMIT_ENABLED", "false");
        return env;
    }

    Marketplace marketplace(PrintStream out) {
        return marketplace(out, Api.Watcher.NOBODY);
    }

    /** @param watcher sees every request of the day and its answer */
    Marketplace marketplace(PrintStream out, Api.Watcher watcher) {
        return new Marketplace(List.of(app.uri("/")), tonChain(), telegram, this::appointAdmin, new Progress(out), watcher);
    }

    /** The application's instance, for what an operator reads ({@code /q/metrics}). */
    AppProcess app() {
        return app;
    }

    MailBox mailBox() {
        return address -> {
            List<String> subjects = new ArrayList<>();
            for (MimeMessage message : smtp.getReceivedMessages()) {
                try {
                    Address[] recipients = message.getAllRecipients();
                    if (recipients != null && Arrays.stream(recipients).anyMatch(recipient -> recipient.toString().contains(address))) {
                        subjects.add(message.getSubject());
                    }
                } catch (MessagingException e) {
                    throw new IllegalStateException("GreenMail holds an unreadable message", e);
                }
            }
            return subjects;
        };
    }

    StandInTonChain chain() {
        return chain;
    }

    TestDatabase database() {
        return database;
    }

    private TonChain tonChain() {
        return new TonChain() {
            @Override
            public void sendUsdt(long units, String memo) {
                chain.deposit(units, memo);
            }

            @Override
            public String walletOf(int person) {
                return chain.newRecipient(person).userFriendly(TonNetwork.MAINNET, false);
            }
        };
    }

    /** The operator's one SQL statement of the day: admins are appointed. */
    private void appointAdmin(UUID accountId) {
        try (Connection connection = database.connect();
             PreparedStatement appoint = connection.prepareStatement("UPDATE users.account SET roles = '{admin}' WHERE id = ?")) {
            appoint.setObject(1, accountId);
            appoint.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot appoint the admin", e);
        }
    }

    @Override
    public void close() {
        try {
            app.close();
        } finally {
            chainOperator.shutdownNow();
            telegram.close();
            chain.close();
            smtp.stop();
        }
    }
}
