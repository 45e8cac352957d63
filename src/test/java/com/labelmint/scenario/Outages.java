package com.labelmint.scenario;

import com.labelmint.testing.process.AppProcess;
import com.labelmint.testing.process.PrivateRabbitMq;
import com.labelmint.testing.process.PrivateRedis;
import com.labelmint.testing.process.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The faults of issue 9 played against a running marketplace day, one after the other: once the crowd is labeling,
 * Redis is stopped for {@code length} and started again; once the rate limiter meters requests again, RabbitMQ is
 * stopped for {@code length} and started again; then the outbox is watched until it has drained. Runs on its own
 * thread beside the day and records what it saw; the test asserts on that record once the day is over.
 */
final class Outages {

    /** Answers given before the first fault, so that it falls into the labeling and not before it. */
    private static final int ANSWERS_BEFORE_THE_FIRST_FAULT = 30;
    private static final Duration LABELING_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration RECOVERY_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration SAMPLE_EVERY = Duration.ofSeconds(1);

    private final PrivateRedis redis;
    private final PrivateRabbitMq rabbitMq;
    private final AppProcess app;
    private final TestDatabase database;
    private final RequestLog requests;
    private final Progress progress;
    private final Duration length;

    Outages(PrivateRedis redis, PrivateRabbitMq rabbitMq, AppProcess app, TestDatabase database, RequestLog requests, Progress progress,
            Duration length) {
        this.redis = redis;
        this.rabbitMq = rabbitMq;
        this.app = app;
        this.database = database;
        this.requests = requests;
        this.progress = progress;
        this.length = length;
    }

    /** When a service was down (nanoTime), and what the outbox looked like before, during and after. */
    record Window(long fromNanos, long toNanos) {

        Duration length() {
            return Duration.ofNanos(toNanos - fromNanos);
        }
    }

    record Record(Window redisDown, List<HealthSample> healthWithoutRedis, Optional<Duration> meteredAgainAfter, Window rabbitMqDown,
                  OutboxCounts outboxAtTheStop, List<OutboxCounts> outboxWhileDown, List<HealthSample> healthWithoutRabbitMq,
                  Optional<Duration> healthyAgainAfter, Optional<Duration> outboxDrainedAfter) {

        long mostWaitingWhileDown() {
            return outboxWhileDown.stream().mapToLong(OutboxCounts::waiting).max().orElse(0);
        }

        long mostPostponedWhileDown() {
            return outboxWhileDown.stream().mapToLong(OutboxCounts::waitingForTheBroker).max().orElse(0);
        }
    }

    Record play() {
        await("the crowd labeling", LABELING_TIMEOUT,
                () -> requests.count(exchange -> exchange.answer() && exchange.status() == 200)
                        >= ANSWERS_BEFORE_THE_FIRST_FAULT);

        progress.say("outage", "Redis stops for %d s (%s)", length.toSeconds(), redis);
        long redisStopped = System.nanoTime();
        redis.stop();
        List<HealthSample> healthWithoutRedis = new ArrayList<>();
        while (System.nanoTime() - redisStopped < length.toNanos()) {
            healthWithoutRedis.add(HealthSample.of(app));
            pause(SAMPLE_EVERY);
        }
        redis.startAgain();
        Window redisDown = new Window(redisStopped, System.nanoTime());
        progress.say("outage", "Redis is back after %d s", redisDown.length().toSeconds());
        Optional<Duration> meteredAgain = awaitOptional(RECOVERY_TIMEOUT, () -> requests.count(exchange -> exchange.labeling()
                && exchange.metered() && exchange.sentAtNanos() - redisDown.toNanos() > 0) > 0)
                .map(at -> Duration.ofNanos(at - redisDown.toNanos()));
        progress.say("outage", "the rate limiter meters requests again: %s", meteredAgain.map(Duration::toString).orElse("no"));

        OutboxCounts atTheStop = OutboxCounts.read(database);
        progress.say("outage", "RabbitMQ stops for %d s (%s); the outbox holds %d events", length.toSeconds(), rabbitMq, atTheStop.waiting());
        long rabbitMqStopped = System.nanoTime();
        rabbitMq.stop();
        List<OutboxCounts> whileDown = new ArrayList<>();
        List<HealthSample> healthWithoutRabbitMq = new ArrayList<>();
        while (System.nanoTime() - rabbitMqStopped < length.toNanos()) {
            whileDown.add(OutboxCounts.read(database));
            healthWithoutRabbitMq.add(HealthSample.of(app));
            pause(SAMPLE_EVERY);
        }
        rabbitMq.startAgain();
        Window rabbitMqDown = new Window(rabbitMqStopped, System.nanoTime());
        long back = OutboxCounts.now(database);
        progress.say("outage", "RabbitMQ is back after %d s (its start took %d ms); the outbox holds %d events",
                rabbitMqDown.length().toSeconds(), rabbitMq.lastStart().toMillis(), OutboxCounts.read(database).waiting());
        Optional<Duration> healthy = awaitOptional(RECOVERY_TIMEOUT, () -> HealthSample.of(app).bothUp())
                .map(at -> Duration.ofNanos(at - rabbitMqDown.toNanos()));
        progress.say("outage", "live and ready again: %s", healthy.map(Duration::toString).orElse("no"));
        // the crowd may still be labeling: what must drain is what waited for the broker, not the events of the moment
        Optional<Duration> drained = awaitOptional(RECOVERY_TIMEOUT, () -> OutboxCounts.waitingSince(database, back) == 0)
                .map(at -> Duration.ofNanos(at - rabbitMqDown.toNanos()));
        progress.say("outage", "every event recorded until then was delivered: %s", drained.map(Duration::toString).orElse("no"));
        return new Record(redisDown, healthWithoutRedis, meteredAgain, rabbitMqDown, atTheStop, whileDown, healthWithoutRabbitMq, healthy,
                drained);
    }

    private static void await(String what, Duration timeout, BooleanSupplier reached) {
        if (awaitOptional(timeout, reached).isEmpty()) {
            throw new ScenarioFailure("Not within " + timeout + ": " + what);
        }
    }

    /** The nanoTime at which {@code reached} first held, or nothing if it did not within the timeout. */
    private static Optional<Long> awaitOptional(Duration timeout, BooleanSupplier reached) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() - deadline < 0) {
            if (reached.getAsBoolean()) {
                return Optional.of(System.nanoTime());
            }
            pause(Duration.ofMillis(200));
        }
        return Optional.empty();
    }

    private static void pause(Duration duration) {
        Poll.sleep(duration);
    }
}
