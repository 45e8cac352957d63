package com.labelmint.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.labelmint.payments.ledger.LedgerInvariants;
import com.labelmint.payments.ton.ReceivedPayout;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;

/**
 * What the end of a marketplace day must show, however many instances served it and whatever happened to them: every
 * item labelled and mostly right, the spammers caught and unpaid after their flag, every accepted answer paid once and
 * nothing else, every balance to the base unit, one chain message per withdrawal, exactly the notices the day caused,
 * a sound ledger, and the tables' own promises ({@link DayEndInvariants}). Soft: every difference is reported at once.
 */
final class MarketDayAssertions {

    /**
     * 95 % honest labelers, three answers and more when unsure, majority vote: among honest labelers a wrong label
     * needs two slips on one item. But the spammers' answers count until gold catches them (three failed gold
     * answers in a row, at a gold rate of 5 %: often after a hundred answers), and verdicts given before the flag
     * stand; how many of the spammers' early answers meet on one item depends on timing. Runs measured 93.3 % and
     * 98.5 %; guessing among the five topics would give a fifth.
     */
    private static final double LEAST_ACCURACY = 0.90;

    private MarketDayAssertions() {
    }

    static void assertDay(SoftAssertions soft, MarketDay day, MarketplaceStage stage) throws SQLException {
        soft.assertThat(day.unlabelled()).as("regular items without a label in the export").isZero();
        soft.assertThat(day.accuracy()).as("exported labels that are the item's true topic").isGreaterThanOrEqualTo(LEAST_ACCURACY);
        assertAntiFraud(soft, day);
        assertRewards(soft, day);
        assertMoney(soft, day);
        assertWithdrawalsOnChain(soft, day, stage);
        soft.assertThat(day.noticeDifferences()).as("notices that differ from what the day caused").isEmpty();
        try (Connection connection = stage.database().connect()) {
            soft.assertThat(new LedgerInvariants().violations(connection)).as("ledger invariants (sum zero, totals, limits)").isEmpty();
            soft.assertThat(DayEndInvariants.violations(connection)).as("queue, consensus, rewards and event bus at the end of the day").isEmpty();
        }
    }

    /**
     * Anti-fraud (decisions/anti-fraud.md, fraudAction exclude): every spammer is flagged, and from the flag on nothing
     * they submit is paid (their later answers are void); what was decided before keeps its verdict.
     */
    private static void assertAntiFraud(SoftAssertions soft, MarketDay day) {
        for (MarketDay.LabelerDay spammer : day.spammers()) {
            soft.assertThat(spammer.flaggedAt()).as("%s flagged", spammer.name()).isPresent();
            soft.assertThat(spammer.paidAfterTheFlag()).as("%s's answers paid after the flag", spammer.name()).isZero();
        }
        for (MarketDay.LabelerDay honest : day.honest()) {
            soft.assertThat(honest.flaggedAt()).as("%s flagged", honest.name()).isEmpty();
        }
    }

    /** Every accepted answer paid, once; nothing else paid. */
    private static void assertRewards(SoftAssertions soft, MarketDay day) {
        for (MarketDay.LabelerDay labeler : day.labelers()) {
            soft.assertThat(labeler.person().paidAnswers().values()).as("%s: payments per paid answer", labeler.name()).allMatch(times -> times == 1);
            soft.assertThat(labeler.paidItems()).as("%s: items paid = items accepted", labeler.name()).isEqualTo(labeler.acceptedItems());
            soft.assertThat(labeler.person().rewards())
                    .as("%s: each reward is the answer's reward less the fee", labeler.name())
                    .allMatch(paid -> Usdt.units(paid.get("amount")) == MarketDay.NET_UNITS);
            soft.assertThat(labeler.person().balanceUnits()).as("%s's balance: rewards − withdrawal", labeler.name())
                    .isEqualTo(labeler.expectedBalance());
        }
    }

    private static void assertMoney(SoftAssertions soft, MarketDay day) {
        soft.assertThat(day.spentUnits()).as("escrow paid out (funded − returned): a full reward per reward kept")
                .isEqualTo(day.rewardsKept() * ClientJourney.REWARD_UNITS);
        soft.assertThat(Usdt.units(day.escrow().get("available")) + Usdt.units(day.escrow().get("reserved"))).as("escrow left").isZero();
        soft.assertThat(day.client().balanceUnits()).as("client: deposit − spent").isEqualTo(day.depositUnits() - day.spentUnits());
        soft.assertThat(day.platformFeeUnits()).as("platform fees: 10 % of each reward kept").isEqualTo(day.rewardsKept() * MarketDay.FEE_UNITS);
        soft.assertThat(day.reconciliation().path("clean").asBoolean()).as("reconciliation run by the admin: " + day.reconciliation()).isTrue();
    }

    /** One message per withdrawal reached the chain, to the wallet asked for, for the amount asked for. */
    private static void assertWithdrawalsOnChain(SoftAssertions soft, MarketDay day, MarketplaceStage stage) {
        Map<Long, List<ReceivedPayout>> messagesByQueryId = stage.chain().sentBocs().stream().distinct().map(ReceivedPayout::read)
                .collect(Collectors.groupingBy(ReceivedPayout::queryId));
        List<MarketDay.LabelerDay> withdrawers = day.labelers().stream().filter(labeler -> labeler.withdrawnUnits() > 0).toList();
        soft.assertThat(withdrawers).as("labelers who withdrew").hasSize(2);
        soft.assertThat(messagesByQueryId).as("withdrawal messages on chain, by query id").hasSize(withdrawers.size());
        soft.assertThat(messagesByQueryId.values()).allSatisfy(messages -> assertThat(messages).hasSize(1));
        soft.assertThat(messagesByQueryId.values().stream().map(messages -> messages.get(0).amountUnits()).sorted().toList())
                .as("amounts sent").isEqualTo(withdrawers.stream().map(MarketDay.LabelerDay::withdrawnUnits).sorted().toList());
        soft.assertThat(messagesByQueryId.values().stream().map(messages -> messages.get(0).destination()).distinct().count())
                .as("two different wallets").isEqualTo(2);
    }
}
