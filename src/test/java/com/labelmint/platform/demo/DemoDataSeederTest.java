package com.labelmint.platform.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DemoDataSeederTest {

    @Inject
    DemoDataSeeder seeder;
    @Inject
    RecordingContributors.Accounts accounts;
    @Inject
    RecordingContributors.Projects projects;
    @Inject
    DataSource dataSource;

    @Test
    void contributorsRunInOrderOnceOnAnEmptyDatabaseAndNeverAgain() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM platform.demo_seed");
        }
        RecordingContributors.ORDER.clear();
        int accountsBefore = accounts.runs();

        List<String> first = seeder.seedOnce();
        List<String> second = seeder.seedOnce();

        assertThat(RecordingContributors.ORDER).containsExactly("accounts", "projects");
        assertThat(first).containsExactly("Sign in as demo@example.org", "Project 'Cats' is funded");
        assertThat(second).singleElement().asString().contains("seeded at first start");
        assertThat(accounts.runs()).isEqualTo(accountsBefore + 1);
        assertThat(projects.runs()).isPositive();
    }

    /** Two fake modules' contributions, declared out of order on purpose. */
    static final class RecordingContributors {
        static final List<String> ORDER = java.util.Collections.synchronizedList(new ArrayList<>());

        @ApplicationScoped
        static class Projects implements DemoDataContributor {
            private final AtomicInteger runs = new AtomicInteger();

            int runs() { // read through the CDI proxy: a method, never a field
                return runs.get();
            }

            @Override
            public int order() {
                return 20;
            }

            @Override
            public List<String> seed() {
                runs.incrementAndGet();
                ORDER.add("projects");
                return List.of("Project 'Cats' is funded");
            }
        }

        @ApplicationScoped
        static class Accounts implements DemoDataContributor {
            private final AtomicInteger runs = new AtomicInteger();

            int runs() { // read through the CDI proxy: a method, never a field
                return runs.get();
            }

            @Override
            public int order() {
                return 10;
            }

            @Override
            public List<String> seed() {
                runs.incrementAndGet();
                ORDER.add("accounts");
                return List.of("Sign in as demo@example.org");
            }
        }
    }
}
