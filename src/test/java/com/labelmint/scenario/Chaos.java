package com.labelmint.scenario;

import com.labelmint.testing.process.AppProcess;
import com.labelmint.testing.process.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.IntStream;

/**
 * Issue 9's kill -9 while the crowd labels: a thread of its own kills one instance at a time (SIGKILL) and starts it
 * again on its port at once, without waiting for the restart before the next kill. The kills are spread over the
 * labeling by the answers in the database: kill {@code k} of {@code n} comes at the earliest at a random place in the
 * {@code k}-th of {@code n} equal bands of the first {@value #SPREAD_PERCENT} % of the answers the day needs at the
 * least, and never before an answer was submitted since the previous kill. A kill waits for two instances to be up;
 * while it waits, the crowd is held ({@link CrowdGate}), so that on a loaded machine, where a start-up can take a
 * minute, the kills still fall within the labeling. Which instance dies is the seed's choice among those up, and one always stays up (the last live
 * instance is never killed). Closing the chaos waits until every instance is back.
 */
final class Chaos implements LabelingDisturbance {

    private static final String ANSWERS = "SELECT count(*) FROM tasks.answer";
    /** The kills' earliest moments end here, leaving the rest of the labeling for kills that waited for a restart. */
    private static final int SPREAD_PERCENT = 80;
    private static final int ANSWERS_AFTER_A_BREAK = 10;
    private static final Duration POLL = Duration.ofMillis(50);
    /** After a SIGKILL the server may still run what the dead process sent last; its connections close soon after. */
    private static final Duration CONNECTIONS_GONE = Duration.ofSeconds(30);

    /** One kill: which, and how many answers had been submitted then and at the kill before (0 before the first). */
    record Kill(int number, String instance, long answersAtKill, long answersAtPreviousKill) {
    }

    private final Instances instances;
    private final TestDatabase database;
    private final int kills;
    private final long leastAnswers;
    private final Random random;
    private final Progress progress;
    private final List<Kill> done = Collections.synchronizedList(new ArrayList<>());
    private final AtomicIntegerArray down;
    private final List<CompletableFuture<AppProcess>> restarts = Collections.synchronizedList(new ArrayList<>());
    /** Restarts run side by side (a start-up takes many seconds), never queued behind anything else. */
    private final ExecutorService starters = Executors.newCachedThreadPool(runnable -> new Thread(runnable, "chaos-restart"));

    /**
     * @param leastAnswers the answers the day needs at the least (its regular items times the overlap): the kills are
     *                     spread over them
     */
    Chaos(Instances instances, TestDatabase database, int kills, long leastAnswers, long seed, Progress progress) {
        if (instances.count() < 2) {
            throw new IllegalArgumentException("Killing the only instance would stop the day: at least two are needed");
        }
        this.instances = instances;
        this.database = database;
        this.kills = kills;
        this.leastAnswers = leastAnswers;
        this.random = new Random(seed);
        this.progress = progress;
        this.down = new AtomicIntegerArray(instances.count());
    }

    @Override
    public Running start(CrowdGate crowd) {
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "chaos"));
        CompletableFuture<Void> killing = CompletableFuture.runAsync(() -> {
            try {
                killAtRandomMoments(crowd, stop);
            } finally {
                crowd.release(); // never leave the crowd held
            }
        }, thread);
        return () -> {
            stop.set(true);
            try {
                join(killing);
            } finally {
                thread.shutdown();
                try {
                    awaitRestarts();
                } finally {
                    starters.shutdown();
                }
            }
        };
    }

    /** The kills made, in order. */
    List<Kill> kills() {
        return List.copyOf(done);
    }

    private void killAtRandomMoments(CrowdGate crowd, AtomicBoolean stop) {
        long previous = 0;
        for (int number = 1; number <= kills; number++) {
            double band = (number - 1 + random.nextDouble()) / kills;
            long target = Math.max(previous + 1, Math.round(leastAnswers * SPREAD_PERCENT / 100.0 * band));
            if (!awaitAnswers(target, stop) || !awaitAnInstanceToSpare(crowd, number, stop)) {
                progress.say("chaos", "the crowd stopped before kill %d of %d", number, kills);
                return;
            }
            int[] up = IntStream.range(0, instances.count()).filter(index -> down.get(index) == 0).toArray();
            int index = up[random.nextInt(up.length)];
            long answers = database.queryLong(ANSWERS);
            AppProcess victim = instances.kill(index);
            down.set(index, 1);
            database.awaitNoConnectionsOf(victim, CONNECTIONS_GONE);
            done.add(new Kill(number, victim.name(), answers, previous));
            progress.say("chaos", "kill %d: SIGKILL to %s at %d answers (%d since the last kill); starting it again", number,
                    victim, answers, answers - previous);
            previous = answers;
            restarts.add(restart(index));
        }
    }

    private CompletableFuture<AppProcess> restart(int index) {
        long killedAt = System.nanoTime();
        return CompletableFuture.supplyAsync(() -> {
            AppProcess started = instances.restart(index);
            down.set(index, 0);
            progress.say("chaos", "%s is up again after %d s", started, Duration.ofNanos(System.nanoTime() - killedAt).toSeconds());
            return started;
        }, starters);
    }

    private boolean awaitAnswers(long target, AtomicBoolean stop) {
        while (database.queryLong(ANSWERS) < target) {
            if (stop.get()) {
                return false;
            }
            Poll.sleep(POLL);
        }
        return true;
    }

    /**
     * Waits until two instances are up, so that killing one leaves one. Meanwhile the crowd is held (the labeling
     * would otherwise end before the kills on a machine where a start-up takes a minute); once released, it labels
     * for {@value #ANSWERS_AFTER_A_BREAK} answers before the kill, so that the kill lands in full work again.
     */
    private boolean awaitAnInstanceToSpare(CrowdGate crowd, int number, AtomicBoolean stop) {
        if (up() >= 2) {
            return true;
        }
        crowd.hold();
        long heldAt = System.nanoTime();
        progress.say("chaos", "kill %d is due and no instance can be spared: the crowd takes a break until one is back", number);
        boolean spared = awaitTwoUp(stop);
        crowd.release();
        if (!spared) {
            return false;
        }
        progress.say("chaos", "the crowd labels again after a break of %d s", Duration.ofNanos(System.nanoTime() - heldAt).toSeconds());
        return awaitAnswers(database.queryLong(ANSWERS) + ANSWERS_AFTER_A_BREAK, stop);
    }

    private long up() {
        return IntStream.range(0, instances.count()).filter(index -> down.get(index) == 0).count();
    }

    private boolean awaitTwoUp(AtomicBoolean stop) {
        while (up() < 2) {
            failIfARestartFailed();
            if (stop.get()) {
                return false;
            }
            Poll.sleep(POLL);
        }
        return true;
    }

    private void failIfARestartFailed() {
        synchronized (restarts) {
            restarts.stream().filter(CompletableFuture::isCompletedExceptionally).findFirst().ifPresent(Chaos::join);
        }
    }

    private void awaitRestarts() {
        List<CompletableFuture<AppProcess>> all;
        synchronized (restarts) {
            all = List.copyOf(restarts);
        }
        all.forEach(Chaos::join);
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }
}
