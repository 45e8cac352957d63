package com.labelmint.platform.ratelimit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.both;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.nullValue;

import com.labelmint.platform.error.Problem;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.http.conn.params.ConnRoutePNames;
import org.junit.jupiter.api.Test;

/**
 * The limits at the HTTP edge, through the test profile's {@code probe} group: 3 requests per
 * address and 2 per account in 15 s, on a prefix nothing serves. Each test calls from an address of
 * its own in 127.0.0.0/8 (all of it is loopback), so tests get separate budgets by the real peer
 * address, the way separate clients do.
 */
@QuarkusTest
class RateLimitFilterTest {

    private static final String PROBE = "/api/v1/ops/rate-limit-probe/anything";
    private static final String BURST = "/api/v1/ops/rate-limit-burst/anything";

    @Test
    void underTheLimitEachResponseTellsTheBudgetAndItShrinks() {
        String client = newClientAddress();
        for (int remaining = 2; remaining >= 0; remaining--) {
            from(client).when().get(PROBE)
                    .then().statusCode(404) // counted, then routed: nothing is there
                    .header("RateLimit-Limit", "3")
                    .header("RateLimit-Remaining", String.valueOf(remaining))
                    .header("RateLimit-Reset", Integer::parseInt, both(greaterThanOrEqualTo(1)).and(lessThanOrEqualTo(15)))
                    .header("RateLimit-Policy", "3;w=15");
        }
    }

    @Test
    void overTheLimitIsA429ProblemWithRetryAfterUntilTheWindowMovesOn() {
        String client = newClientAddress();
        exhaust(client);

        from(client).when().get(PROBE)
                .then().statusCode(429)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("urn:labelmint:problem:rate-limited"))
                .body("status", equalTo(429))
                .body("instance", equalTo(PROBE))
                .header("Retry-After", Integer::parseInt, both(greaterThanOrEqualTo(1)).and(lessThanOrEqualTo(5)))
                .header("RateLimit-Remaining", "0");

        // one request's share of the window (5 s) later, one more fits
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250))
                .until(() -> from(client).when().get(PROBE).statusCode() == 404);
        given().when().get("/q/metrics")
                .then().body(containsString("labelmint_ratelimit_rejected_total{group=\"probe\"}"));
    }

    @Test
    void aSpoofedForwardedForBuysNoNewBudget() {
        String client = newClientAddress();
        for (int i = 1; i <= 3; i++) {
            from(client).header("X-Forwarded-For", "203.0.113." + i).when().get(PROBE).then().statusCode(404);
        }

        from(client).header("X-Forwarded-For", "203.0.113.99").when().get(PROBE).then().statusCode(429);
    }

    @Test
    void eachClientAddressHasABudgetOfItsOwn() {
        String first = newClientAddress();
        String second = newClientAddress();
        exhaust(first);
        from(first).when().get(PROBE).then().statusCode(429);

        from(second).when().get(PROBE).then().statusCode(404).header("RateLimit-Remaining", "2");
    }

    /**
     * In the test profile's {@code burst} group (3 per address in an hour, so nothing comes back during the test),
     * 16 threads fire 400 requests from one address at once while 20 other clients make their first request: the
     * burst gets exactly its budget (the check-and-count is atomic however the requests interleave), every other
     * request of it a 429 with Retry-After, and none of the other clients is refused or charged for it.
     */
    @Test
    void aConcurrentBurstGetsExactlyItsBudgetAndOthersKeepTheirs() throws Exception {
        String burst = newClientAddress();
        List<String> others = Stream.generate(RateLimitFilterTest::newClientAddress).limit(20).collect(Collectors.toList());
        ExecutorService threads = Executors.newFixedThreadPool(16);
        try {
            List<Future<Response>> burstAnswers = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                burstAnswers.add(threads.submit(() -> from(burst).when().get(BURST)));
            }
            List<Future<Response>> otherAnswers = new ArrayList<>();
            for (String other : others) {
                otherAnswers.add(threads.submit(() -> from(other).when().get(BURST)));
            }

            int passed = 0;
            for (Future<Response> answer : burstAnswers) {
                Response response = answer.get(60, TimeUnit.SECONDS);
                if (response.statusCode() == 429) {
                    assertThat(Integer.parseInt(response.header("Retry-After"))).isPositive();
                } else {
                    assertThat(response.statusCode()).isEqualTo(404);
                    passed++;
                }
            }
            assertThat(passed).isEqualTo(3);
            for (Future<Response> answer : otherAnswers) {
                Response response = answer.get(60, TimeUnit.SECONDS);
                assertThat(response.statusCode()).isEqualTo(404);
                assertThat(response.header("RateLimit-Remaining")).isEqualTo("2");
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void theMostSpecificGroupAppliesAndPathsOutsideEveryGroupAreNotLimited() {
        from(newClientAddress()).when().get("/api/v1/no-such-thing")
                .then().statusCode(404).header("RateLimit-Policy", "100000;w=60");
        from(newClientAddress()).when().get("/q/health/live")
                .then().statusCode(200).header("RateLimit-Limit", nullValue());
    }

    @Test
    @TestSecurity(user = "rate-limited-reviewer")
    void aSignedInClientIsAlsoLimitedPerAccountWhicheverAddressItUses() {
        String client = newClientAddress();
        from(client).when().get(PROBE).then().statusCode(404).header("RateLimit-Limit", "2");
        from(client).when().get(PROBE).then().statusCode(404).header("RateLimit-Remaining", "0");

        Response refused = from(newClientAddress()).when().get(PROBE);

        refused.then().statusCode(429)
                .header("RateLimit-Policy", "2;w=15")
                .header("Retry-After", Integer::parseInt, greaterThanOrEqualTo(1));
    }

    private static void exhaust(String client) {
        for (int i = 0; i < 3; i++) {
            from(client).when().get(PROBE).then().statusCode(404);
        }
    }

    /** A random loopback address, so that neither tests nor concurrent runs share a budget. */
    private static String newClientAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "127." + random.nextInt(1, 255) + "." + random.nextInt(0, 256) + "." + random.nextInt(1, 255);
    }

    @SuppressWarnings("deprecation") // REST Assured still builds Apache's legacy client, which reads this parameter
    private static RequestSpecification from(String address) {
        try {
            InetAddress local = InetAddress.getByName(address);
            return given().config(RestAssured.config().httpClient(
                    HttpClientConfig.httpClientConfig().setParam(ConnRoutePNames.LOCAL_ADDRESS, local)));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(address, e);
        }
    }
}
