package com.labelmint.platform.ratelimit;

import com.labelmint.platform.log.ThrottledWarning;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.jboss.logging.Logger;

/**
 * The store when no Redis is configured: the same GCRA in this JVM's memory, so limits hold per
 * instance only. One lock guards the table; the work under it is a few map operations, far below
 * what a request costs anyway. Memory stays bounded: a quota whose TAT has passed is the same as no
 * entry at all, so such entries are swept out, and a table full of live entries stops tracking new
 * clients (they pass unmetered, as with a Redis outage) rather than grow without limit.
 */
final class InProcessRateLimitStore implements RateLimitStore {

    static final int DEFAULT_MAX_ENTRIES = 200_000;
    private static final Logger LOG = Logger.getLogger(InProcessRateLimitStore.class);
    private static final long SWEEP_EVERY_MICROS = 1_000_000;

    private final LongSupplier clockMicros;
    private final int maxEntries;
    private final ThrottledWarning full = new ThrottledWarning(LOG, Duration.ofSeconds(30));
    private final Map<String, Long> tats = new HashMap<>(); // guarded by this
    private long nextSweep; // guarded by this

    InProcessRateLimitStore() {
        this(() -> System.nanoTime() / 1_000, DEFAULT_MAX_ENTRIES);
    }

    InProcessRateLimitStore(LongSupplier clockMicros, int maxEntries) {
        this.clockMicros = clockMicros;
        this.maxEntries = maxEntries;
        this.nextSweep = clockMicros.getAsLong() + SWEEP_EVERY_MICROS;
    }

    @Override
    public Uni<List<QuotaState>> acquire(List<Quota> quotas) {
        return Uni.createFrom().item(() -> acquireNow(quotas, true));
    }

    @Override
    public Uni<List<QuotaState>> peek(List<Quota> quotas) {
        return Uni.createFrom().item(() -> acquireNow(quotas, false));
    }

    synchronized List<QuotaState> acquireNow(List<Quota> quotas) {
        return acquireNow(quotas, true);
    }

    private synchronized List<QuotaState> acquireNow(List<Quota> quotas, boolean charge) {
        long now = clockMicros.getAsLong();
        if (now >= nextSweep) { // not on every request when full: that would make each one O(table)
            sweep(now);
        }
        if (charge && wouldOverflow(quotas)) {
            full.warn("In-process rate-limit table full, new clients pass unmetered", tats.size() + " entries");
            return List.of();
        }
        long[] levels = new long[quotas.size()];
        boolean[] admits = new boolean[quotas.size()];
        boolean admitted = true;
        for (int i = 0; i < quotas.size(); i++) {
            Long tat = tats.get(quotas.get(i).key());
            levels[i] = tat == null ? 0 : Math.max(0, tat - now);
            admits[i] = Gcra.admits(quotas.get(i), levels[i]);
            admitted &= admits[i];
        }
        List<QuotaState> states = new ArrayList<>(quotas.size());
        for (int i = 0; i < quotas.size(); i++) {
            Quota quota = quotas.get(i);
            if (admitted && charge) {
                levels[i] += quota.intervalMicros();
                tats.put(quota.key(), now + levels[i]);
            }
            states.add(Gcra.state(quota, levels[i], admits[i]));
        }
        return states;
    }

    synchronized int size() {
        return tats.size();
    }

    private boolean wouldOverflow(List<Quota> quotas) {
        long untracked = quotas.stream().filter(quota -> !tats.containsKey(quota.key())).count();
        return tats.size() + untracked > maxEntries;
    }

    private void sweep(long now) {
        tats.values().removeIf(tat -> tat <= now);
        nextSweep = now + SWEEP_EVERY_MICROS;
    }
}
