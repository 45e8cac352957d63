package com.labelmint.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Issue 9's day in the marketplace, driven only through the public HTTP surface of one or more instances (the REST
 * API, the Telegram webhook, the admin console's pages) and the world around them (the chain, Telegram, the mail
 * server): a client deposits, creates and funds a project with gold items and imports its items; labelers — honest
 * ones on the web and in Telegram, spammers on the web — label until every item has its label; an admin decides a
 * labeler's dispute in the console; the client completes the project and exports the labels; two labelers withdraw
 * to their TON wallets. Then everyone's pages are read: {@link MarketDay} holds what they say.
 */
final class Marketplace {

    private static final Duration WITHDRAWAL_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration NOTICES_TIMEOUT = Duration.ofSeconds(120);
    private static final String VOID_REASON = "Not counted";

    private final Api api;
    private final TonChain chain;
    private final TelegramCloud telegram;
    private final Consumer<UUID> appointAdmin;
    private final Progress progress;
    private final LabelingDisturbance disturbance;

    /**
     * @param instances    the base URLs of the instances; requests go to each in turn
     * @param appointAdmin what the operator does to make an account an admin (admins are appointed, not signed up)
     * @param watcher      sees every request of the day and its answer
     * @param disturbance  what happens to the instances while the crowd labels
     */
    Marketplace(List<URI> instances, TonChain chain, TelegramCloud telegram, Consumer<UUID> appointAdmin, Progress progress,
                Api.Watcher watcher, LabelingDisturbance disturbance) {
        this.api = new Api(instances, watcher);
        this.chain = chain;
        this.telegram = telegram;
        this.appointAdmin = appointAdmin;
        this.progress = progress;
        this.disturbance = disturbance;
    }

    MarketDay run(ScenarioSize size, MailBox mail) {
        long startedAt = System.nanoTime();
        String runId = Long.toString(System.currentTimeMillis(), 36);
        progress.say("start", "%d items (%d gold), %d labelers (%d spammers, %d in Telegram), overlap %d up to %d, seed %d", size.items(),
                size.goldItems(), size.labelers(), size.spammers(), size.telegramLabelers(), size.overlap(), size.maxOverlap(), size.seed());
        Dataset dataset = Dataset.generate(size);
        AdminDesk admin = AdminDesk.appoint(api, runId, appointAdmin, progress);
        ClientJourney client = ClientJourney.signUp(api, runId, progress);
        long funding = fundingFor(size);
        long deposit = funding + 100_000_000L;

        CompletableFuture<Crowd> signingUp = CompletableFuture.supplyAsync(() -> Crowd.enlist(api, telegram, size, runId, progress));
        client.deposit(chain, deposit);
        client.createProject(size);
        client.importItems(dataset);
        Crowd crowd = join(signingUp);
        client.fund(funding);

        AtomicBoolean done = new AtomicBoolean();
        CrowdGate gate = new CrowdGate();
        try (LabelingDisturbance.Running disturbed = disturbance.start(gate)) {
            CompletableFuture<Void> labeling = CompletableFuture.runAsync(() -> crowd.labelUntil(done, gate, dataset));
            try {
                client.watchUntilLabelled(dataset, done);
            } catch (RuntimeException e) {
                done.set(true); // the crowd stops too; the watcher's failure is the one to report
                labeling.handle((stopped, failure) -> null).join();
                throw e;
            }
            join(labeling);
        }
        progress.say("labeling", "every item has its label; the crowd stopped; %d requests went to another instance after a connection "
                + "failure", api.sentAgain());

        awaitEventsDelivered();
        Dispute dispute = disputeOneRejection(crowd, client, dataset, admin);
        awaitEventsDelivered();
        client.complete();
        List<Labeler> withdrawers = List.of(crowd.honest().get(0), crowd.honest().get(crowd.honest().size() - 1));
        Map<String, Long> withdrawn = new HashMap<>();
        for (int i = 0; i < withdrawers.size(); i++) {
            withdrawn.put(withdrawers.get(i).name(), withdraw(withdrawers.get(i), chain.walletOf(i + 1)));
        }
        Map<String, String> labels = client.exportLabels();

        MarketDay day = readPages(size, dataset, crowd, client, deposit, funding, labels, admin.exclusionFlags(), dispute, withdrawn,
                admin, mail, startedAt);
        day.print(progress);
        return day;
    }

    /**
     * Waits until the event bus has delivered everything (the operator's metric {@code labelmint_events_backlog}, one
     * figure for the whole database): the last answers' holds, verdicts and rewards. Completing the project before
     * then would close the escrow under an answer whose reward is still on its way.
     */
    private void awaitEventsDelivered() {
        Poll.until("the event backlog empty", NOTICES_TIMEOUT, () -> api.anonymous().send("GET", "/q/metrics", Map.of(), null, 200).body()
                .lines().anyMatch(line -> line.matches("labelmint_events_backlog 0(\\.0)?")));
    }

    /** What the client puts in escrow: twice the answers the items need at the least, so the budget never runs low. */
    static long fundingFor(ScenarioSize size) {
        return 2L * size.items() * size.overlap() * ClientJourney.REWARD_UNITS;
    }

    /** A labeler's dispute over one of their rejected answers; the admin upholds it when the labeler was right. */
    private Dispute disputeOneRejection(Crowd crowd, ClientJourney client, Dataset dataset, AdminDesk admin) {
        Map<Long, String> truths = client.truthsByItemId(dataset);
        for (Labeler labeler : crowd.honest()) {
            for (JsonNode answer : labeler.account().everyItem("/api/v1/tasks/answers", "after")) {
                long itemId = answer.get("itemId").asLong();
                if (!truths.containsKey(itemId) || !rejected(labeler, itemId)) {
                    continue;
                }
                boolean right = answer.get("answer").get("value").asText().equals(truths.get(itemId));
                String disputeId = labeler.account().post("/api/v1/disputes", Map.of("answerId", answer.get("answerId").asText(),
                        "reason", right ? "The headline is plainly about " + truths.get(itemId) : "I think my answer fits")).get("id").asText();
                progress.say("dispute", "%s disputes the rejection of their answer on item %d (%s)", labeler.name(), itemId,
                        right ? "they were right" : "they were wrong");
                admin.decideDispute(UUID.fromString(disputeId), right, right ? "The labeler is right" : "The majority is right");
                Poll.until("the dispute decided", NOTICES_TIMEOUT,
                        () -> !"open".equals(labeler.account().get("/api/v1/disputes/" + disputeId).get("status").asText()));
                progress.say("dispute", "the admin %s it in the console", right ? "upheld" : "dismissed");
                return new Dispute(labeler.name(), UUID.fromString(disputeId), right);
            }
        }
        throw new ScenarioFailure("No honest labeler had a rejected answer to dispute");
    }

    private static boolean rejected(Labeler labeler, long itemId) {
        return labeler.account().everyItem("/api/v1/notifications", "cursor").stream()
                .anyMatch(notice -> notice.get("kind").asText().equals("answer-rejected") && notice.path("params").path("itemId").asLong() == itemId
                        && !notice.path("params").path("reason").asText().startsWith(VOID_REASON));
    }

    /** Half the labeler's balance (in whole cents) to their TON wallet; returns the amount once the chain has it. */
    private long withdraw(Labeler labeler, String wallet) {
        long balance = Person.read(labeler.name(), labeler.account(), false).balanceUnits();
        long amount = balance / 2 / 10_000 * 10_000;
        JsonNode withdrawal = labeler.account().send("POST", "/api/v1/wallet/withdrawals", Map.of("Idempotency-Key", "withdrawal-" + labeler.accountId()),
                Map.of("amount", Usdt.decimal(amount), "address", wallet), 200, 201, 202).json();
        String path = "/api/v1/wallet/withdrawals/" + withdrawal.get("id").asText();
        progress.say("withdrawal", "%s withdraws %s USDT to %s", labeler.name(), Usdt.decimal(amount), wallet);
        Poll.until(labeler.name() + "'s withdrawal completed", WITHDRAWAL_TIMEOUT,
                () -> "completed".equals(labeler.account().get(path).get("status").asText()));
        progress.say("withdrawal", "%s's withdrawal completed on chain", labeler.name());
        return amount;
    }

    /**
     * Reads everyone's pages until every notice the day caused has been delivered (or the time is up: the day then
     * shows the difference), and the admin's figures.
     */
    private MarketDay readPages(ScenarioSize size, Dataset dataset, Crowd crowd, ClientJourney client, long deposit, long funding,
                                Map<String, String> labels, List<JsonNode> flags, Dispute dispute, Map<String, Long> withdrawn,
                                AdminDesk admin, MailBox mail, long startedAt) {
        Map<UUID, Instant> flaggedAt = new HashMap<>();
        flags.forEach(flag -> flaggedAt.merge(UUID.fromString(flag.get("labelerId").asText()), Instant.parse(flag.get("flaggedAt").asText()),
                (first, second) -> first.isBefore(second) ? first : second));
        progress.say("notices", "reading everyone's pages until every notice has been delivered");
        long deadline = System.nanoTime() + NOTICES_TIMEOUT.toNanos();
        while (true) {
            List<MarketDay.LabelerDay> labelers = new ArrayList<>();
            for (Labeler labeler : crowd.all()) {
                labelers.add(new MarketDay.LabelerDay(labeler, Person.read(labeler.name(), labeler.account(), true),
                        Optional.ofNullable(flaggedAt.get(labeler.accountId())), withdrawn.getOrDefault(labeler.name(), 0L),
                        labeler.email().map(mail::subjectsTo).orElse(List.of()),
                        labeler.telegram().map(user -> telegram.notices(user.chatId())).orElse(List.of())));
            }
            MarketDay day = new MarketDay(size, Duration.ofNanos(System.nanoTime() - startedAt), deposit, funding,
                    Person.read("client", client.account().caller(), false), mail.subjectsTo(client.account().email()), client.escrow(),
                    labelers, labels, dataset, dispute, admin.platformFees(), admin.reconcile());
            if (day.noticesAsExpected() || System.nanoTime() > deadline) {
                return day;
            }
            Poll.sleep(Duration.ofSeconds(2));
        }
    }

    /** The dispute of the day: who opened it, and whether the admin upheld it. */
    record Dispute(String labeler, UUID id, boolean upheld) {

        boolean openedBy(Labeler someone) {
            return labeler.equals(someone.name());
        }
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }
}
