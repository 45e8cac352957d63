package com.labelmint.payments.withdrawal;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * The application with a hot wallet on the toncenter stand-in. The sender, tracker and deposit watcher do not run
 * on their own: the tests call them step by step, so each step's effect on chain and in the ledger can be seen.
 */
public class WithdrawalProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "labelmint.payments.withdrawal.send-interval", "off",
                "labelmint.payments.withdrawal.confirmation-interval", "off",
                "labelmint.payments.deposit-poll-interval", "off",
                "labelmint.payments.withdrawal.minimum", "1",
                "labelmint.payments.withdrawal.daily-limit", "100",
                "labelmint.payments.withdrawal.approval-threshold", "50",
                "labelmint.payments.withdrawal.max-attempts", "2");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(StandInChainResource.class));
    }
}
