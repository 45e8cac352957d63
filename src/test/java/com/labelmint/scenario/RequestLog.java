package com.labelmint.scenario;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * Every request of the day with its status, its time and whether the rate limiter metered it (a metered answer carries
 * {@code RateLimit-Limit}; one that passed unmetered, because the limiter failed open, does not): what tells, after
 * the day, what an outage did to the requests made during it.
 */
final class RequestLog implements Api.Watcher {

    /** One request: where it went, when it was sent, how long it took, what came back. */
    record Exchange(String method, String path, long sentAtNanos, long tookNanos, int status, boolean metered) {

        /** The labeling loop over REST: next task, answer-and-next. Every such request is rate-limited. */
        boolean labeling() {
            return path.equals("/api/v1/tasks/next") || answer();
        }

        /** An answer under a lease ({@code /api/v1/tasks/<lease>/answer}). */
        boolean answer() {
            return path.startsWith("/api/v1/tasks/") && path.endsWith("/answer");
        }

        boolean sentBetween(long fromNanos, long toNanos) {
            return sentAtNanos - fromNanos >= 0 && toNanos - sentAtNanos > 0;
        }

        boolean serverError() {
            return status >= 500 || status == 0;
        }
    }

    private final List<Exchange> exchanges = new ArrayList<>();

    @Override
    public void answered(HttpRequest request, Api.Reply reply, long sentAtNanos, long tookNanos) {
        Exchange exchange = new Exchange(request.method(), request.uri().getPath(), sentAtNanos, tookNanos, reply.status(),
                reply.header("RateLimit-Limit").isPresent());
        synchronized (exchanges) {
            exchanges.add(exchange);
        }
    }

    List<Exchange> matching(Predicate<Exchange> filter) {
        synchronized (exchanges) {
            return exchanges.stream().filter(filter).toList();
        }
    }

    long count(Predicate<Exchange> filter) {
        return matching(filter).size();
    }

    /** The 99th percentile (nearest rank) of the exchanges' times; zero for none. */
    static Duration p99(List<Exchange> exchanges) {
        if (exchanges.isEmpty()) {
            return Duration.ZERO;
        }
        List<Long> times = new ArrayList<>(exchanges.stream().map(Exchange::tookNanos).toList());
        times.sort(Comparator.naturalOrder());
        int rank = (int) Math.ceil(0.99 * times.size());
        return Duration.ofNanos(times.get(Math.max(0, rank - 1)));
    }
}
