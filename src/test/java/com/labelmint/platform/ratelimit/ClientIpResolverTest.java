package com.labelmint.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientIpResolverTest {

    private final ClientIpResolver untrusting = new ClientIpResolver(false);
    private final ClientIpResolver trusting = new ClientIpResolver(true);

    @Test
    void byDefaultTheHeaderIsIgnoredSoASpoofedOneBuysNoNewBudget() {
        assertThat(untrusting.resolve("198.51.100.7", "203.0.113.1")).isEqualTo("198.51.100.7");
        assertThat(untrusting.resolve("198.51.100.7", "203.0.113.2, 10.0.0.1")).isEqualTo("198.51.100.7");
    }

    @Test
    void whenTrustedTheFirstHopIsTheClient() {
        assertThat(trusting.resolve("10.0.0.1", "203.0.113.1, 10.0.0.2")).isEqualTo("203.0.113.1");
        assertThat(trusting.resolve("10.0.0.1", " 2001:db8::1 ")).isEqualTo("2001:db8::1");
    }

    @Test
    void whenTrustedAMissingOrUnusableHeaderFallsBackToThePeer() {
        assertThat(trusting.resolve("10.0.0.1", null)).isEqualTo("10.0.0.1");
        assertThat(trusting.resolve("10.0.0.1", " , 203.0.113.1")).isEqualTo("10.0.0.1");
        assertThat(trusting.resolve("10.0.0.1", "x".repeat(200))).isEqualTo("10.0.0.1");
    }

    @Test
    void aRequestWithoutAPeerAddressStillGetsAKey() {
        assertThat(untrusting.resolve(null, null)).isEqualTo("unknown");
    }
}
