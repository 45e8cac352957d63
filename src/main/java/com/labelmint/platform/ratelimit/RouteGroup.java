package com.labelmint.platform.ratelimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A named set of paths that share limits: so many requests per client address and per account in a window. */
record RouteGroup(String name, int requestsPerIp, int requestsPerAccount, Duration window) {

    RouteGroup {
        // a limit that cannot work fails at start-up rather than on the first request of the group
        new Quota(name, requestsPerIp, window);
        new Quota(name, requestsPerAccount, window);
    }

    /** The quotas a request of this group is charged against: its address's, and its account's when signed in. */
    List<Quota> quotasFor(String keyPrefix, String clientIp, Optional<String> account) {
        List<Quota> quotas = new ArrayList<>(2);
        quotas.add(new Quota(keyPrefix + name + ":ip:" + clientIp, requestsPerIp, window));
        account.ifPresent(accountName -> quotas.add(new Quota(keyPrefix + name + ":account:" + accountName, requestsPerAccount, window)));
        return quotas;
    }
}
