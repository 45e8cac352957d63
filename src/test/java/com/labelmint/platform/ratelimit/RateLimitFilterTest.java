package com.labelmint.platform.ratelimit;

import static io.restassured.RestAssured.given;
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
import java.util.concurrent.ThreadLocalRandom;
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
