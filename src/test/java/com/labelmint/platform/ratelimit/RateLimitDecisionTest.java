package com.labelmint.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateLimitDecisionTest {

    private final Quota perIp = new Quota("ip", 10, Duration.ofMinutes(1));
    private final Quota perAccount = new Quota("account", 20, Duration.ofMinutes(1));

    @Test
    void whenAllowedTheQuotaWithTheFewestRequestsLeftIsReported() {
        RateLimitDecision decision = RateLimitDecision.strictest(List.of(perIp, perAccount), List.of(
                new QuotaState(true, 7, 18_000_000, 0), new QuotaState(true, 3, 51_000_000, 0))).orElseThrow();

        assertThat(decision.allowed()).isTrue();
        assertThat(decision.quota()).isEqualTo(perAccount);
        assertThat(decision.resetSeconds()).isEqualTo(51);
    }

    @Test
    void whenRefusedTheRefusingQuotaIsReportedEvenIfAnotherHasFewerLeft() {
        RateLimitDecision decision = RateLimitDecision.strictest(List.of(perIp, perAccount), List.of(
                new QuotaState(true, 0, 60_000_000, 0), new QuotaState(false, 0, 60_000_000, 2_500_000))).orElseThrow();

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.quota()).isEqualTo(perAccount);
        assertThat(decision.retryAfterSeconds()).isEqualTo(3);
    }

    @Test
    void whenBothRefuseTheClientMustWaitForTheLaterOne() {
        RateLimitDecision decision = RateLimitDecision.strictest(List.of(perIp, perAccount), List.of(
                new QuotaState(false, 0, 60_000_000, 6_000_000), new QuotaState(false, 0, 60_000_000, 1_000))).orElseThrow();

        assertThat(decision.quota()).isEqualTo(perIp);
        assertThat(decision.retryAfterSeconds()).isEqualTo(6);
    }

    @Test
    void retryAfterIsNeverZero() {
        RateLimitDecision decision = RateLimitDecision.strictest(List.of(perIp),
                List.of(new QuotaState(false, 0, 10, 10))).orElseThrow();

        assertThat(decision.retryAfterSeconds()).isEqualTo(1);
    }

    @Test
    void anUnmeteredRequestHasNoDecision() {
        assertThat(RateLimitDecision.strictest(List.of(perIp), List.of())).isEmpty();
    }
}
