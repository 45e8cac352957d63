package com.labelmint.platform.ratelimit;

import io.smallrye.mutiny.Uni;
import java.util.List;

/**
 * Counts requests against quotas, atomically: either every quota admits the request and each is
 * charged, or none is (a refused request spends no budget).
 */
public interface RateLimitStore {

    /**
     * The state of each quota, in the order given; an empty list when the store could not answer
     * and the request is let through unmetered. The returned Uni never fails.
     */
    Uni<List<QuotaState>> acquire(List<Quota> quotas);

    /**
     * The state of each quota as {@link #acquire} would find it, without charging anything: for
     * budgets spent on outcomes rather than on requests (failed sign-ins). Same empty-list and
     * never-fails contract.
     */
    Uni<List<QuotaState>> peek(List<Quota> quotas);
}
