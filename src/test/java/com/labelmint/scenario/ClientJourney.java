package com.labelmint.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The client's day: sign up, deposit USDT on chain, create a single-choice project with gold items, import the items,
 * fund and start it, watch it (labelling for good whatever waits in review), complete it, export the labels.
 */
final class ClientJourney {

    static final long REWARD_UNITS = 50_000; // 0.05 USDT an answer
    private static final Duration DEPOSIT_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration IMPORT_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration WATCH_INTERVAL = Duration.ofSeconds(2);
    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(120);

    private final Account client;
    private final Progress progress;
    private UUID projectId;
    /** The platform's item ids of the client's items (external ids), read back from the first export. */
    private final Map<Long, String> externalIds = new HashMap<>();

    private ClientJourney(Account client, Progress progress) {
        this.client = client;
        this.progress = progress;
    }

    static ClientJourney signUp(Api api, String runId, Progress progress) {
        Account client = Account.signUp(api, "client-" + runId + "@scenario.example.org", "Headline Corp", "client");
        progress.say("client", "signed up as %s", client.email());
        return new ClientJourney(client, progress);
    }

    Account account() {
        return client;
    }

    /** Sends USDT to the memo the platform gives and waits until the balance shows it. */
    void deposit(TonChain chain, long units) {
        String memo = client.caller().get("/api/v1/wallet/deposit-address").get("memo").asText();
        chain.sendUsdt(units, memo);
        progress.say("client", "sent %s USDT on chain with memo %s", Usdt.decimal(units), memo);
        Poll.until("the deposit credited", DEPOSIT_TIMEOUT, () -> balance() == units);
        progress.say("client", "deposit credited: balance %s USDT", Usdt.decimal(units));
    }

    void createProject(ScenarioSize size) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("overlap", size.overlap());
        settings.put("maxOverlap", size.maxOverlap());
        settings.put("rewardPerAnswer", Map.of("amount", Usdt.decimal(REWARD_UNITS), "currency", "USDT"));
        settings.put("goldRate", 0.05);
        settings.put("aggregation", "mv");
        settings.put("acceptanceThreshold", 0.6);
        settings.put("fraudAction", "exclude");
        settings.put("leaseSeconds", 120);
        projectId = UUID.fromString(client.caller().post("/api/v1/projects", Map.of("name", "Topics of headlines",
                "instructions", "Which topic is the headline about?", "schema", Dataset.schema(), "settings", settings)).get("id").asText());
        progress.say("client", "created project %s (overlap %d up to %d, %s USDT an answer, gold rate 5 %%)", projectId,
                size.overlap(), size.maxOverlap(), Usdt.decimal(REWARD_UNITS));
    }

    void importItems(Dataset dataset) {
        JsonNode job = client.caller().send("POST", "/api/v1/projects/" + projectId + "/items:import?wait=60",
                Map.of("Content-Type", "application/x-ndjson", "Idempotency-Key", "import-" + projectId), dataset.jsonLines(), 200, 202).json();
        String jobPath = "/api/v1/imports/" + job.get("id").asText();
        Poll.until("the import finished", IMPORT_TIMEOUT, () -> List.of("succeeded", "failed").contains(client.caller().get(jobPath).get("status").asText()));
        JsonNode finished = client.caller().get(jobPath);
        if (!"succeeded".equals(finished.get("status").asText()) || finished.get("itemsImported").asLong() != dataset.size()) {
            throw new ScenarioFailure("The import did not take every item: " + finished);
        }
        exportedLines().forEach(line -> externalIds.put(line.get("itemId").asLong(), line.get("externalId").asText()));
        progress.say("client", "imported %d items, %d of them gold", finished.get("itemsImported").asLong(), finished.get("goldImported").asLong());
    }

    void fund(long units) {
        client.caller().send("POST", "/api/v1/projects/" + projectId + "/escrow/fundings", Map.of("Idempotency-Key", "funding-" + projectId),
                Map.of("amount", Usdt.decimal(units), "currency", "USDT"), 200);
        client.caller().put("/api/v1/projects/" + projectId + "/status", Map.of("status", "active"));
        progress.say("client", "funded the project with %s USDT and started it", Usdt.decimal(units));
    }

    /**
     * Watches the project until every item is labelled, labelling for good (as its reviewer, who reads the headline
     * right) any item consensus could not decide; then sets {@code done}.
     */
    void watchUntilLabelled(Dataset dataset, AtomicBoolean done) {
        while (!done.get()) {
            JsonNode progressNow = client.caller().get("/api/v1/projects/" + projectId + "/progress");
            long items = progressNow.get("items").asLong();
            long labelled = progressNow.get("itemsLabelled").asLong();
            progress.say("labeling", "%d answers, %d of %d items labelled, %d in consensus", progressNow.get("answers").asLong(),
                    labelled, items, progressNow.get("itemsInConsensus").asLong());
            if (labelled == items) {
                done.set(true);
                return;
            }
            reviewWhatWaits(dataset);
            Poll.sleep(WATCH_INTERVAL);
        }
    }

    private void reviewWhatWaits(Dataset dataset) {
        for (JsonNode waiting : client.caller().everyItem("/api/v1/projects/" + projectId + "/reviews", "after")) {
            long itemId = waiting.get("itemId").asLong();
            client.caller().repeatable().send("POST", "/api/v1/reviews/" + itemId, Map.of(),
                    Map.of("label", Map.of("value", dataset.truthOf(externalIds.get(itemId))), "note", "Read it myself"), 204, 409);
            progress.say("review", "the client labelled item %d for good", itemId);
        }
    }

    /** Completes the project once no reward is held any more; its unspent escrow comes back. */
    void complete() {
        String escrow = "/api/v1/projects/" + projectId + "/escrow";
        Poll.until("no reward held in escrow", SETTLE_TIMEOUT, () -> Usdt.units(client.caller().get(escrow).get("reserved")) == 0);
        long before = balance();
        client.caller().put("/api/v1/projects/" + projectId + "/status", Map.of("status", "completed"));
        Poll.until("the escrow returned", SETTLE_TIMEOUT, () -> Usdt.units(client.caller().get(escrow).get("available")) == 0);
        Poll.until("the return on the client's balance", SETTLE_TIMEOUT, () -> balance() > before);
        progress.say("client", "completed the project; %s USDT came back from escrow", Usdt.decimal(balance() - before));
    }

    /** The export: the label of every item (external id → topic, null when none). */
    Map<String, String> exportLabels() {
        Map<String, String> labels = new HashMap<>();
        exportedLines().forEach(line -> labels.put(line.get("externalId").asText(),
                line.get("label").isNull() ? null : line.get("label").get("value").asText()));
        progress.say("client", "exported %d labelled items", labels.values().stream().filter(label -> label != null).count());
        return labels;
    }

    /** The truth of each regular item by the platform's item id, as the client (who knows its data) would tell it. */
    Map<Long, String> truthsByItemId(Dataset dataset) {
        Map<Long, String> truths = new HashMap<>();
        externalIds.forEach((itemId, externalId) -> truths.put(itemId, dataset.truthOf(externalId)));
        return truths;
    }

    long balance() {
        JsonNode balances = client.caller().get("/api/v1/wallet").get("balances");
        return balances.isEmpty() ? 0 : Usdt.units(balances.get(0).get("balance"));
    }

    JsonNode escrow() {
        return client.caller().get("/api/v1/projects/" + projectId + "/escrow");
    }

    private List<JsonNode> exportedLines() {
        String body = client.caller().send("GET", "/api/v1/projects/" + projectId + "/export?format=jsonl", Map.of(), null, 200).body();
        return body.lines().filter(line -> !line.isBlank()).map(line -> {
            try {
                return Api.JSON.readTree(line);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new ScenarioFailure("An export line is not JSON: " + line, e);
            }
        }).toList();
    }
}
