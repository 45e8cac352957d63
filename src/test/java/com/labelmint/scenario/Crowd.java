package com.labelmint.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The labelers: they sign up (on the web, or by writing to the bot and opening the Mini App), say which notices they
 * want, and then label side by side, one thread each, until told to stop.
 */
final class Crowd {

    /** Sign-ups at once: each is a bcrypt hash on the server. */
    private static final int SIGN_UP_PARALLELISM = 4;
    private static final Duration WELCOME_TIMEOUT = Duration.ofSeconds(60);

    private final List<Labeler> labelers;

    private Crowd(List<Labeler> labelers) {
        this.labelers = List.copyOf(labelers);
    }

    static Crowd enlist(Api api, TelegramCloud telegram, ScenarioSize size, String runId, Progress progress) {
        List<Callable<Labeler>> signUps = new ArrayList<>();
        for (int n = 1; n <= size.labelers(); n++) {
            int number = n;
            boolean spammer = n <= size.spammers();
            boolean inTelegram = n > size.labelers() - size.telegramLabelers();
            long seed = size.seed() * 1_000 + n;
            Strategy strategy = spammer ? Strategy.spammer(seed) : Strategy.honest(seed);
            signUps.add(() -> inTelegram ? throughTheBot(api, telegram, number, strategy) : onTheWeb(api, number, runId, strategy));
        }
        List<Labeler> labelers = runAll(signUps, SIGN_UP_PARALLELISM);
        progress.say("crowd", "%d labelers signed up: %d through the bot, %d on the web (%d of them spammers)", labelers.size(),
                size.telegramLabelers(), size.restLabelers(), size.spammers());
        return new Crowd(labelers);
    }

    private static Labeler onTheWeb(Api api, int number, String runId, Strategy strategy) {
        String name = (strategy.isSpammer() ? "spammer-" : "labeler-") + number;
        String email = name + "-" + runId + "@scenario.example.org";
        Account account = Account.signUp(api, email, name, "labeler");
        return new Labeler(name, account.id(), account.caller(), Optional.of(email), Optional.empty(), strategy);
    }

    private static Labeler throughTheBot(Api api, TelegramCloud telegram, int number, Strategy strategy) {
        String name = "telegram-" + number;
        TelegramUser user = new TelegramUser(7_000_000_000L + number, name, api, telegram);
        user.write("/start");
        TelegramCloud.BotCall welcome = user.read(WELCOME_TIMEOUT);
        if (welcome == null || !welcome.text().startsWith("Welcome to LabelMint")) {
            throw new ScenarioFailure("The bot did not welcome " + name + ": " + welcome);
        }
        Api.Caller account = api.as(user.openMiniApp());
        UUID id = UUID.fromString(account.get("/api/v1/users/me").get("id").asText());
        return new Labeler(name, id, account, Optional.empty(), Optional.of(user), strategy);
    }

    /** Everyone labels until {@code done}, passing {@code gate} before each step; returns once all have stopped, failing if any failed. */
    void labelUntil(AtomicBoolean done, CrowdGate gate, Dataset dataset) {
        List<Callable<Void>> work = new ArrayList<>();
        for (Labeler labeler : labelers) {
            work.add(() -> {
                try {
                    labeler.labelUntil(done, gate, dataset);
                    return null;
                } catch (RuntimeException e) {
                    done.set(true); // the others stop too: the scenario has failed
                    throw e;
                }
            });
        }
        runAll(work, labelers.size());
    }

    List<Labeler> all() {
        return labelers;
    }

    List<Labeler> honest() {
        return labelers.stream().filter(labeler -> !labeler.isSpammer()).toList();
    }

    private static <T> List<T> runAll(List<Callable<T>> tasks, int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<T>> futures = new ArrayList<>();
            tasks.forEach(task -> futures.add(pool.submit(task)));
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new ScenarioFailure("A labeler failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScenarioFailure("Interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
