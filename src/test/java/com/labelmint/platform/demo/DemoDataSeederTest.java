package com.labelmint.platform.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DemoDataSeederTest {

    @Inject
    DemoDataSeeder seeder;
    @Inject
    DataSource dataSource;

    @Test
    void contributorsRunInOrderOnceOnAnEmptyDatabaseAndNeverAgain() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM platform.demo_seed");
        }
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

    private static DemoDataContributor contributor(int order, String name, String instruction, List<String> runs) {
        return new DemoDataContributor() {
            @Override
            public int order() {
                return order;
            }

            @Override
            public List<String> seed() {
                runs.add(name);
                return List.of(instruction);
            }
        };
    }
}
