package com.labelmint.platform.demo;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DemoDataSeederTest {

    @Inject
    DemoDataSeeder seeder;
    @Inject
    DataSource dataSource;
    @Inject
    @Any
    Instance<DemoDataContributor> realContributors;

    @Test
    void contributorsRunInOrderOnceOnAnEmptyDatabaseAndNeverAgain() throws Exception {
        clearSeedMarker();
        List<String> runs = new ArrayList<>();
        // declared out of order on purpose
        List<DemoDataContributor> contributors = List.of(
                contributor(20, "projects", "Project 'Cats' is funded", runs),
                contributor(10, "accounts", "Sign in as demo@example.org", runs));

        List<String> first = seeder.seedOnce(contributors);
        List<String> second = seeder.seedOnce(contributors);

        assertThat(runs).containsExactly("accounts", "projects");
        assertThat(first).containsExactly("Sign in as demo@example.org", "Project 'Cats' is funded");
        assertThat(second).singleElement().asString().contains("seeded at first start");
    }

    @Test
    void theRealDemoLetsADemoLabelerLabelAtOnce() throws Exception {
        clearSeedMarker();
        List<String> instructions = seeder.seedOnce(realContributors.stream().toList());
        assertThat(instructions).anyMatch(line -> line.contains("client@labelmint.local"));

        String token = given().contentType(ContentType.JSON)
                .body(Map.of("email", "labeler1@labelmint.local", "password", "labelmint-demo-2026"))
                .post("/api/v1/auth/login").then().statusCode(200).extract().jsonPath().getString("accessToken");
        // other tests' projects may be open to this labeler too: give their tasks back until a demo task comes
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            var next = given().auth().oauth2(token).post("/api/v1/tasks/next").then().extract();
            if (next.statusCode() != 200) {
                return false;
            }
            if ("Demo: sentiment of product reviews".equals(next.jsonPath().getString("project.name"))) {
                return next.jsonPath().getString("item.data.review") != null;
            }
            given().auth().oauth2(token).post("/api/v1/tasks/" + next.jsonPath().getString("leaseId") + "/skip").then().statusCode(204);
            return false;
        });
    }

    private void clearSeedMarker() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM platform.demo_seed");
        }
    }

    private static DemoDataContributor contributor(int order, String name, String instruction, List<String> runs) {
        return new DemoDataContributor() {
            @Override
            public int order() {
                return order;
            }

            @Override
            public List<String> seed(DemoContext context) {
                runs.add(name);
                return List.of(instruction);
            }
        };
    }
}
