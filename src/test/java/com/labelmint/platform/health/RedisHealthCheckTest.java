package com.labelmint.platform.health;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.labelmint.platform.redis.OptionalRedis;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Redis;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RedisHealthCheckTest {

    @Test
    void wellnessReportsTheRedisOfTheTestProfileUp() {
        // the check may be down while the first connection is made on a busy machine; it must come up
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> given().when().get("/q/health/well").statusCode() == 200);
        given().when().get("/q/health/well")
                .then().statusCode(200)
                .body("checks.find { it.name == 'redis' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'redis' }.data.host", equalTo("127.0.0.1:6379"))
                .body("checks.name", hasItem("redis"));
    }

    @Test
    void withoutRedisTheApplicationIsReadyOnTheFallback() {
        RedisHealthCheck check = new RedisHealthCheck(new OptionalRedis(Optional.empty(), () -> {
            throw new AssertionError("no client may be made when Redis is not configured");
        }));

        HealthCheckResponse response = check.call().await().atMost(Duration.ofSeconds(5));

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(response.getData()).get().extracting(data -> data.get("mode")).isEqualTo("in-process-fallback");
    }

    @Test
    void aRedisThatDoesNotAnswerIsDownWithoutItsPassword() {
        Vertx vertx = Vertx.vertx();
        Redis nowhere = Redis.createClient(vertx, "redis://127.0.0.1:1");
        try {
            RedisHealthCheck check = new RedisHealthCheck(
                    new OptionalRedis(Optional.of("redis://reader:s3cret@127.0.0.1:1"), () -> nowhere));

            HealthCheckResponse response = check.call().await().atMost(Duration.ofSeconds(5));

            assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
            assertThat(response.getData()).get().extracting(data -> data.get("host")).isEqualTo("127.0.0.1:1");
            assertThat(response.getData().orElseThrow().toString()).doesNotContain("s3cret");
        } finally {
            nowhere.close();
            vertx.closeAndAwait();
        }
    }
}
