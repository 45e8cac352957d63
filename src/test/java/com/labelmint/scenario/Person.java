package com.labelmint.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What one person's own pages say at the end of the day, read through the API in their name: their balance and
 * every movement of their wallet, their answers (labelers), and the in-app notices they got.
 */
record Person(String name, long balanceUnits, List<JsonNode> movements, List<JsonNode> answers, List<JsonNode> notices) {

    static Person read(String name, Api.Caller account, boolean labeler) {
        JsonNode balances = account.get("/api/v1/wallet").get("balances");
        long balance = balances.isEmpty() ? 0 : Usdt.units(balances.get(0).get("balance"));
        return new Person(name, balance, account.everyItem("/api/v1/wallet", "cursor"),
                labeler ? account.everyItem("/api/v1/tasks/answers", "after") : List.of(),
                account.everyItem("/api/v1/notifications", "cursor"));
    }

    /**
     * Rewards paid: the post of a reward's hold, or, for an answer accepted before its hold was made (its events
     * handled out of order) or without one (an escrow short at the time), a posted payment straight from escrow.
     */
    List<JsonNode> rewards() {
        List<JsonNode> rewards = new ArrayList<>(movements("post-pending", "in", "answer"));
        rewards.addAll(movements("posted", "in", "answer"));
        return rewards;
    }

    /** Movements of one kind, direction and business object. */
    List<JsonNode> movements(String kind, String direction, String reasonType) {
        return movements.stream().filter(movement -> movement.path("kind").asText().equals(kind)
                && movement.path("direction").asText().equals(direction) && movement.path("reasonType").asText().equals(reasonType)).toList();
    }

    long sum(List<JsonNode> movements) {
        return movements.stream().mapToLong(movement -> Usdt.units(movement.get("amount"))).sum();
    }

    /** Rewards paid, by answer (an answer paid twice would show 2). */
    Map<UUID, Integer> paidAnswers() {
        Map<UUID, Integer> paid = new HashMap<>();
        rewards().forEach(movement -> paid.merge(UUID.fromString(movement.get("reasonId").asText()), 1, Integer::sum));
        return paid;
    }

    /** This labeler's answers submitted after {@code instant}. */
    List<UUID> answersAfter(Instant instant) {
        List<UUID> after = new ArrayList<>();
        answers.stream().filter(answer -> Instant.parse(answer.get("submittedAt").asText()).isAfter(instant))
                .forEach(answer -> after.add(UUID.fromString(answer.get("answerId").asText())));
        return after;
    }

    Map<String, Integer> noticesByKind() {
        Map<String, Integer> kinds = new HashMap<>();
        notices.forEach(notice -> kinds.merge(notice.get("kind").asText(), 1, Integer::sum));
        return kinds;
    }

    /** The titles of the notices of the given kinds, sorted: what the same notices look like as e-mails or chat messages. */
    List<String> titlesExcept(List<String> kindsLeftOut) {
        return notices.stream().filter(notice -> !kindsLeftOut.contains(notice.get("kind").asText()))
                .map(notice -> notice.get("title").asText()).sorted().toList();
    }
}
