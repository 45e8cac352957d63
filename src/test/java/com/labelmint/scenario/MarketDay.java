package com.labelmint.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The day as everyone's pages tell it at the end, and what those pages must say given what happened: the expected
 * figures are derived from facts of another module (a notice per reward the wallet shows paid, an e-mail per notice
 * of a kind the person gets by e-mail), never written down in advance.
 */
record MarketDay(ScenarioSize size, Duration took, long depositUnits, long fundingUnits, Person client, List<String> clientEmails,
                 JsonNode escrow, List<LabelerDay> labelers, Map<String, String> labels, Dataset dataset, Marketplace.Dispute dispute,
                 long platformFeeUnits, JsonNode reconciliation) {

    /** The platform's 10 % (labelmint.payments.fee-percent) of the 0.05 USDT reward; the labeler keeps the rest. */
    static final long FEE_UNITS = ClientJourney.REWARD_UNITS / 10;
    static final long NET_UNITS = ClientJourney.REWARD_UNITS - FEE_UNITS;
    /** The kinds that reach a labeler in the app only, e-mail and Telegram being off until asked for (the labelers never ask). */
    static final List<String> PER_ANSWER_KINDS = List.of("answer-accepted", "answer-rejected", "reward-paid");

    /** One labeler at the end of the day. */
    record LabelerDay(Labeler labeler, Person person, Optional<Instant> flaggedAt, long withdrawnUnits, List<String> emails,
                      List<String> telegramNotices) {

        String name() {
            return labeler.name();
        }

        /** Rewards paid (post-pending transfers to the labeler), each answer once. */
        int rewardsPaid() {
            return person.paidAnswers().size();
        }

        /** Rewards taken back after a dispute turned their answer. */
        int rewardsTakenBack() {
            return person.movements("posted", "out", "answer").size();
        }

        long expectedBalance() {
            return (rewardsPaid() - rewardsTakenBack()) * NET_UNITS - withdrawnUnits;
        }

        /** Answers submitted after the labeler was flagged that were paid all the same: the anti-fraud rule allows none. */
        long paidAfterTheFlag() {
            Map<UUID, Integer> paid = person.paidAnswers();
            return flaggedAt.map(flag -> person.answersAfter(flag).stream().filter(paid::containsKey).count()).orElse(0L);
        }

        /** The items of the answers the labeler was told were accepted, and of the answers paid: the same set. */
        Set<Long> acceptedItems() {
            Set<Long> items = new HashSet<>();
            person.notices().stream().filter(notice -> notice.get("kind").asText().equals("answer-accepted"))
                    .forEach(notice -> items.add(notice.path("params").path("itemId").asLong()));
            return items;
        }

        Set<Long> paidItems() {
            Set<UUID> paid = person.paidAnswers().keySet();
            Set<Long> items = new HashSet<>();
            person.answers().stream().filter(answer -> paid.contains(UUID.fromString(answer.get("answerId").asText())))
                    .forEach(answer -> items.add(answer.get("itemId").asLong()));
            return items;
        }

        /**
         * A notice per verdict and per reward paid; a rejection a dispute turned shows both verdicts, and an accepted
         * answer taken back both too; a notice per withdrawal requested and sent, per dispute opened and decided.
         */
        Map<String, Integer> expectedNotices(Marketplace.Dispute dispute) {
            int turnedToAccepted = dispute.openedBy(labeler) && dispute.upheld() ? 1 : 0;
            int disputes = dispute.openedBy(labeler) ? 1 : 0;
            int withdrawals = withdrawnUnits > 0 ? 1 : 0;
            Map<String, Integer> kinds = new LinkedHashMap<>();
            kinds.put("answer-accepted", rewardsPaid());
            kinds.put("reward-paid", rewardsPaid());
            kinds.put("answer-rejected", person.answers().size() - rewardsPaid() + rewardsTakenBack() + turnedToAccepted);
            kinds.put("withdrawal-requested", withdrawals);
            kinds.put("withdrawal-sent", withdrawals);
            kinds.put("dispute-opened", disputes);
            kinds.put("dispute-resolved", disputes);
            kinds.values().removeIf(count -> count == 0);
            return kinds;
        }

        /** Every notice but the per-answer ones, as e-mails (web labelers) or chat messages (Telegram labelers). */
        List<String> expectedEmails() {
            return labeler.email().isPresent() ? person.titlesExcept(PER_ANSWER_KINDS) : List.of();
        }

        List<String> expectedTelegramNotices() {
            return labeler.telegram().isPresent() ? person.titlesExcept(PER_ANSWER_KINDS) : List.of();
        }

        /** How the notices this labeler got differ from those expected, one line per channel that differs. */
        List<String> noticeDifferences(Marketplace.Dispute dispute) {
            List<String> differences = new ArrayList<>();
            difference(differences, name() + " in-app", person.noticesByKind(), expectedNotices(dispute));
            difference(differences, name() + " e-mail", emails.stream().sorted().toList(), expectedEmails());
            difference(differences, name() + " Telegram", telegramNotices, expectedTelegramNotices());
            return differences;
        }
    }

    /** The client hears of the deposit, the funding, each return of unspent escrow, and the project completed. */
    Map<String, Integer> expectedClientNotices() {
        Map<String, Integer> kinds = new LinkedHashMap<>();
        kinds.put("deposit-credited", 1);
        kinds.put("project-funded", 1);
        kinds.put("escrow-returned", escrowReturns().size());
        kinds.put("project-completed", 1);
        kinds.values().removeIf(count -> count == 0);
        return kinds;
    }

    /** The client's e-mails: every notice (they switched nothing off). */
    List<String> expectedClientEmails() {
        return client.titlesExcept(List.of());
    }

    boolean noticesAsExpected() {
        return noticeDifferences().isEmpty();
    }

    /** Every way the notices people got differ from those expected: "who channel: got … expected …". */
    List<String> noticeDifferences() {
        List<String> differences = new ArrayList<>();
        difference(differences, "client in-app", client.noticesByKind(), expectedClientNotices());
        difference(differences, "client e-mail", clientEmails.stream().sorted().toList(), expectedClientEmails());
        labelers.forEach(labeler -> differences.addAll(labeler.noticeDifferences(dispute)));
        return differences;
    }

    private static void difference(List<String> differences, String where, Object got, Object expected) {
        if (!got.equals(expected)) {
            differences.add(where + ": got " + got + ", expected " + expected);
        }
    }

    List<JsonNode> escrowReturns() {
        return client.movements().stream().filter(movement -> movement.path("direction").asText().equals("in")
                && movement.path("reasonType").asText().equals("project")).toList();
    }

    /** Rewards that stayed paid, over every labeler. */
    long rewardsKept() {
        return labelers.stream().mapToLong(labeler -> labeler.rewardsPaid() - labeler.rewardsTakenBack()).sum();
    }

    /** What the escrow paid out in rewards: what was funded less what came back to the client. */
    long spentUnits() {
        return fundingUnits - client.sum(escrowReturns());
    }

    /** Regular items whose exported label is the true topic, of all regular items. */
    double accuracy() {
        List<Dataset.Item> items = dataset.regularItems();
        return (double) items.stream().filter(item -> item.truth().equals(labels.get(item.externalId()))).count() / items.size();
    }

    long unlabelled() {
        return dataset.regularItems().stream().filter(item -> labels.get(item.externalId()) == null).count();
    }

    List<LabelerDay> spammers() {
        return labelers.stream().filter(labeler -> labeler.labeler().isSpammer()).toList();
    }

    List<LabelerDay> honest() {
        return labelers.stream().filter(labeler -> !labeler.labeler().isSpammer()).toList();
    }

    void print(Progress progress) {
        progress.say("figures", "took %d s; %d answers; %d of %d items labelled, %.2f %% of them right", took.toSeconds(),
                labelers.stream().mapToInt(labeler -> labeler.person().answers().size()).sum(), dataset.regularItems().size() - unlabelled(),
                dataset.regularItems().size(), accuracy() * 100);
        for (LabelerDay spammer : spammers()) {
            progress.say("figures", "%s: %d answers, flagged %s, %d rewards paid (%d of them for answers after the flag)", spammer.name(),
                    spammer.person().answers().size(), spammer.flaggedAt().map(Instant::toString).orElse("never"), spammer.rewardsPaid(),
                    spammer.paidAfterTheFlag());
        }
        long honestAnswers = honest().stream().mapToInt(labeler -> labeler.person().answers().size()).sum();
        long honestPaid = honest().stream().mapToInt(LabelerDay::rewardsPaid).sum();
        progress.say("figures", "%d honest labelers: %d answers, %d paid; %d flagged", honest().size(), honestAnswers, honestPaid,
                honest().stream().filter(labeler -> labeler.flaggedAt().isPresent()).count());
        progress.say("figures", "client: deposited %s, funded %s, spent %s, balance %s USDT; platform fees %s USDT",
                Usdt.decimal(depositUnits), Usdt.decimal(fundingUnits), Usdt.decimal(spentUnits()), Usdt.decimal(client.balanceUnits()),
                Usdt.decimal(platformFeeUnits));
        labelers.stream().filter(labeler -> labeler.withdrawnUnits() > 0).forEach(labeler -> progress.say("figures",
                "%s withdrew %s USDT; balance %s USDT", labeler.name(), Usdt.decimal(labeler.withdrawnUnits()),
                Usdt.decimal(labeler.person().balanceUnits())));
        progress.say("figures", "dispute by %s %s; reconciliation %s", dispute.labeler(), dispute.upheld() ? "upheld" : "dismissed",
                reconciliation.path("clean").asBoolean() ? "clean" : "NOT clean: " + reconciliation.path("violations"));
        progress.say("figures", "notices %s", noticesAsExpected() ? "all delivered as expected (in-app, e-mail, Telegram)" : "NOT as expected:");
        noticeDifferences().forEach(difference -> progress.say("figures", "  %s", difference));
    }
}
