package com.labelmint.platform.ratelimit;

import com.labelmint.platform.error.HttpEdgeProblems;
import com.labelmint.platform.error.HttpProblems;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;

/**
 * Rate limiting for the whole HTTP surface, the way a gateway does it: count the request, then
 * route it. A Vert.x filter rather than a JAX-RS one, so that an address nothing serves costs
 * budget too (otherwise probing for endpoints would be free), and one that never blocks: the
 * identity and the store are both asynchronous.
 */
@ApplicationScoped
public class RateLimitFilter {

    /**
     * After CORS (300), so a refusal still carries CORS headers and preflights are not counted, and
     * after authentication (200), so the account is known; before authorization (100). Requests whose
     * credentials fail authentication are refused there, before they are counted.
     */
    static final int PRIORITY = SecurityHandlerPriorities.AUTHENTICATION - 10;
    static final String REJECTED_METRIC = "labelmint.ratelimit.rejected";

    private final RateLimitConfig config;
    private final RouteGroups groups;
    private final ClientIpResolver clientIps;
    private final RateLimitStore store;
    private final HttpEdgeProblems problems;
    private final MeterRegistry registry;

    RateLimitFilter(RateLimitConfig config, RouteGroups groups, ClientIpResolver clientIps, RateLimitStore store,
                    HttpEdgeProblems problems, MeterRegistry registry) {
        this.config = config;
        this.groups = groups;
        this.clientIps = clientIps;
        this.store = store;
        this.problems = problems;
        this.registry = registry;
    }

    void register(@Observes Filters filters) {
        if (config.enabled()) {
            filters.register(this::limit, PRIORITY);
        }
    }

    private void limit(RoutingContext context) {
        Optional<RouteGroup> group = groups.match(context.normalizedPath());
        if (group.isEmpty()) {
            context.next();
            return;
        }
        String clientIp = clientIps.resolve(context.request());
        Context requestContext = context.vertx().getOrCreateContext();
        account(context)
                .map(account -> group.get().quotasFor(config.keyPrefix(), clientIp, account))
                .chain(quotas -> store.acquire(quotas).map(states -> RateLimitDecision.strictest(quotas, states)))
                .subscribe().with(
                        // the store may answer on another thread; the exchange goes on on its own context
                        decision -> requestContext.runOnContext(ignored -> answer(context, group.get(), decision)),
                        failure -> requestContext.runOnContext(ignored -> context.fail(failure)));
    }

    /**
     * The signed-in account, if any, read from the routing context where authentication put it.
     * {@code CurrentIdentityAssociation} would be the usual way, but it is request-scoped and no CDI
     * request context is active in a Vert.x filter.
     */
    private static Uni<Optional<String>> account(RoutingContext context) {
        return QuarkusHttpUser.getSecurityIdentity(context, null)
                .map(RateLimitFilter::accountOf)
                // with lazy authentication the failure is answered later, by the layer that needs the
                // identity; until then the request counts under its address alone
                .onFailure().recoverWithItem(Optional.empty());
    }

    private static Optional<String> accountOf(SecurityIdentity identity) {
        return identity == null || identity.isAnonymous() ? Optional.empty() : Optional.of(identity.getPrincipal().getName());
    }

    private void answer(RoutingContext context, RouteGroup group, Optional<RateLimitDecision> metered) {
        if (metered.isEmpty()) {
            context.next(); // the store failed open
            return;
        }
        RateLimitDecision decision = metered.get();
        MultiMap headers = context.response().headers();
        headers.set("RateLimit-Limit", Integer.toString(decision.quota().limit()));
        headers.set("RateLimit-Remaining", Long.toString(decision.state().remaining()));
        headers.set("RateLimit-Reset", Long.toString(decision.resetSeconds()));
        headers.set("RateLimit-Policy", decision.quota().policy());
        if (decision.allowed()) {
            context.next();
            return;
        }
        registry.counter(REJECTED_METRIC, "group", group.name()).increment();
        headers.set("Retry-After", Long.toString(decision.retryAfterSeconds()));
        problems.send(context, HttpProblems.forStatus(429));
    }
}
