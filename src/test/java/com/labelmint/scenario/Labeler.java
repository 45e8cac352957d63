package com.labelmint.scenario;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One labeler of the crowd: their account (and the API in their name: wallet, notifications, answers), how they
 * answer, and where they work — the REST loop, or the Telegram chat for those who came through the bot.
 */
final class Labeler {

    private static final long IDLE_MILLIS = 500;
    private final String name;
    private final UUID accountId;
    private final Api.Caller account;
    private final Optional<String> email;
    private final Optional<TelegramUser> telegram;
    private final Strategy strategy;
    private final TaskChannel channel;

    Labeler(String name, UUID accountId, Api.Caller account, Optional<String> email, Optional<TelegramUser> telegram, Strategy strategy) {
        this.name = name;
        this.accountId = accountId;
        this.account = account;
        this.email = email;
        this.telegram = telegram;
        this.strategy = strategy;
        this.channel = telegram.<TaskChannel>map(ChatTasks::new).orElseGet(() -> new RestTasks(account));
    }

    /** Takes and answers tasks until {@code done}, idling a little whenever there is none, and waiting at {@code gate}. */
    void labelUntil(AtomicBoolean done, CrowdGate gate, Dataset dataset) {
        Optional<String> task = Optional.empty();
        while (!done.get()) {
            gate.pass(done);
            if (task.isEmpty()) {
                pause(IDLE_MILLIS);
                task = channel.take();
                continue;
            }
            String truth = dataset.truthIn(task.get());
            pause(strategy.thinkMillis());
            task = channel.answer(strategy.choose(truth));
        }
    }

    String name() {
        return name;
    }

    UUID accountId() {
        return accountId;
    }

    Api.Caller account() {
        return account;
    }

    Optional<String> email() {
        return email;
    }

    Optional<TelegramUser> telegram() {
        return telegram;
    }

    boolean isSpammer() {
        return strategy.isSpammer();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScenarioFailure("Interrupted while labeling", e);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
