package com.labelmint.scenario;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.labelmint.payments.ton.StandInTonChain;
import com.labelmint.payments.ton.TonNetwork;
import com.labelmint.testing.JwtTestKeys;
import com.labelmint.testing.process.TestBroker;
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
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Everything the marketplace's day needs, on loopback: a database of its own, the TON chain (the toncenter stand-in,
 * whose hot wallet executes what the platform sends it), Telegram (the Bot API stand-in), an SMTP server (GreenMail),
 * and the packaged application as real processes pointed at all of them: one instance with its events in process
 * ({@link #oneInstance}), or several on the one database, sharing the machine's Redis and sending their events through
 * RabbitMQ ({@link #scaledOut}). Close it to stop everything; the database stays, for a look at the day afterwards,
 * until the next day recreates it.
 */
final class MarketplaceStage implements AutoCloseable {

    private static final String REDIS = System.getProperty("labelmint.test.redis.hosts", "redis://127.0.0.1:6379");

    private final TestDatabase database;
    private final StandInTonChain chain = new StandInTonChain();
    private final TelegramCloud telegram = new TelegramCloud();
    private final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private final ScheduledExecutorService chainOperator = Executors.newSingleThreadScheduledExecutor();
    private final Optional<TestBroker> broker;
    private final Instances instances;

    /** One instance, its events in process: the day as {@code MarketplaceScenarioIT} and {@code make demo} run it. */
    static MarketplaceStage oneInstance(String databaseName) {
        return oneInstance(databaseName, Map.of());
    }

    /**
     * One instance with more of the application's environment over the stage's own (e.g. the event transport and a
     * broker of the test's own, Redis with rate limiting on: {@link #withRedis(String)}).
     */
    static MarketplaceStage oneInstance(String databaseName, Map<String, String> settings) {
        return new MarketplaceStage(databaseName, 1, Optional.empty(), settings);
    }

    /**
     * {@code count} instances on one database (issue 9's scale-out): events through a RabbitMQ exchange and queue of
     * this run's own, the machine's Redis, and one token-signing key pair, so that any instance accepts what another
     * issued.
     */
    static MarketplaceStage scaledOut(String databaseName, int count) {
        return new MarketplaceStage(databaseName, count, Optional.of(TestBroker.forRun("marketplace")), Map.of());
    }

    /**
     * @param databaseName the database to drop and create afresh for the day
     * @param broker       the exchange and queue the instances share, if their events go through RabbitMQ
     */
    private MarketplaceStage(String databaseName, int count, Optional<TestBroker> broker, Map<String, String> settings) {
        this.broker = broker;
        smtp.start();
        // the hot wallet executes whatever it accepts a moment after it arrives, as the chain would
        chainOperator.scheduleWithFixedDelay(chain::executeAndDeliverWhatTheWalletAccepts, 300, 300, TimeUnit.MILLISECONDS);
        database = TestDatabase.recreate(databaseName);
        Map<String, String> env = applicationSettings();
        env.putAll(settings);
        try {
            // named after the day's database, so that each day's logs stay apart (target/it-logs/<name>[-n].log)
            instances = Instances.start(databaseName.replace('_', '-'), count, database.jdbcUrl(), env);
        } catch (RuntimeException e) {
            try {
                broker.ifPresent(TestBroker::close);
            } finally {
                closeStandIns();
            }
            throw e;
        }
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
        broker.ifPresent(shared -> {
            env.putAll(shared.instanceEnvironment());
            env.put("QUARKUS_REDIS_HOSTS", REDIS);
            env.putAll(JwtTestKeys.applicationEnvironment());
            // A killed instance's claimed notices wait out its lease before another instance sends them: 2 min by
            // default, longer than the day waits for them. Sends here go to loopback stand-ins and take milliseconds.
            env.put("LABELMINT_NOTIFICATIONS_DELIVERY_LEASE", "15s");
        });
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
        // ... and the crowd's baseline covers about the same minutes as each labeler's last ten answers. Here a duration
        // is mostly the server's own latency, which a loaded machine moves fourfold within a minute; over the default
        // 500 answers the baseline lagged so far behind that every honest labeler once looked four times too fast (seen
        // with a load average of 23: all twelve excluded). People's seconds dwarf such swings.
        env.put("LABELMINT_CONSENSUS_FRAUD_CROWD_WINDOW", "100");
        // Everyone of the day calls from 127.0.0.1: one address's limits would throttle the whole crowd.
        env.put("LABELMINT_RATE_LIMIT_ENABLED", "false");
        return env;
    }

    Marketplace marketplace(PrintStream out) {
        return marketplace(out, Api.Watcher.NOBODY, LabelingDisturbance.NONE);
    }

    /**
     * The day's driver, round-robin over the instances: {@code watcher} sees every request and its answer,
     * {@code disturbance} happens to the instances while the crowd labels.
     */
    Marketplace marketplace(PrintStream out, Api.Watcher watcher, LabelingDisturbance disturbance) {
        return new Marketplace(instances.baseUrls(), tonChain(), telegram, this::appointAdmin, new Progress(out), watcher, disturbance);
    }

    Instances instances() {
        return instances;
    }

    /** The exchange and queue of a scaled-out stage's events; empty for one instance (events in process). */
    Optional<TestBroker> broker() {
        return broker;
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
            instances.close();
            broker.ifPresent(TestBroker::close);
        } finally {
            closeStandIns();
        }
    }

    private void closeStandIns() {
        chainOperator.shutdownNow();
        telegram.close();
        chain.close();
        smtp.stop();
    }
}
