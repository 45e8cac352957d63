package com.labelmint.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RouteGroupsTest {

    record Group(List<String> pathPrefixes, int requestsPerIp, int requestsPerAccount, Duration window)
            implements RateLimitConfig.Group {
    }

    private final RouteGroups groups = new RouteGroups(Map.of(
            "default", new Group(List.of("/api/v1/"), 300, 600, Duration.ofMinutes(1)),
            "strict", new Group(List.of("/api/v1/auth/", "/api/v1/payments/"), 10, 20, Duration.ofMinutes(1))));

    @Test
    void theLongestMatchingPrefixWins() {
        assertThat(groups.match("/api/v1/auth/login")).map(RouteGroup::name).contains("strict");
        assertThat(groups.match("/api/v1/payments/")).map(RouteGroup::name).contains("strict");
        assertThat(groups.match("/api/v1/tasks/42")).map(RouteGroup::name).contains("default");
        assertThat(groups.match("/api/v1/auth")).map(RouteGroup::name).contains("default");
    }

    @Test
    void pathsUnderNoPrefixAreNotLimited() {
        assertThat(groups.match("/q/health/ready")).isEmpty();
        assertThat(groups.match("/")).isEmpty();
        assertThat(groups.match(null)).isEmpty();
    }

    @Test
    void anAnonymousRequestIsChargedByAddressASignedInOneByAccountToo() {
        RouteGroup strict = groups.match("/api/v1/auth/login").orElseThrow();

        assertThat(strict.quotasFor("p:", "203.0.113.1", Optional.empty()))
                .containsExactly(new Quota("p:strict:ip:203.0.113.1", 10, Duration.ofMinutes(1)));
        assertThat(strict.quotasFor("p:", "203.0.113.1", Optional.of("alice")))
                .containsExactly(new Quota("p:strict:ip:203.0.113.1", 10, Duration.ofMinutes(1)),
                        new Quota("p:strict:account:alice", 20, Duration.ofMinutes(1)));
    }

    @Test
    void aGroupThatCannotWorkIsRefusedUpFront() {
        Map<String, RateLimitConfig.Group> broken = Map.of("broken", new Group(List.of("/x/"), 0, 5, Duration.ofMinutes(1)));

        assertThatThrownBy(() -> new RouteGroups(broken)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one request");
    }
}
