package com.labelmint.platform.demo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Seeds demo data once per database when {@code labelmint.demo.enabled} is true (the default of
 * the embedded run), then prints where LabelMint listens and how to sign in.
 */
@ApplicationScoped
public class DemoDataSeeder {

    private static final Logger LOG = Logger.getLogger(DemoDataSeeder.class);

    private final DataSource dataSource;
    private final Instance<DemoDataContributor> contributors;
    private final boolean enabled;
    private final int port;

    DemoDataSeeder(DataSource dataSource, Instance<DemoDataContributor> contributors,
                   @ConfigProperty(name = "labelmint.demo.enabled", defaultValue = "false") boolean enabled,
                   @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080") int port) {
        this.dataSource = dataSource;
        this.contributors = contributors;
        this.enabled = enabled;
        this.port = port;
    }

    void onStart(@Observes StartupEvent startup) {
        if (!enabled) {
            return;
        }
        List<String> instructions = seedOnce(contributors.stream().toList());
        StringBuilder banner = new StringBuilder("\n\n  LabelMint is running on http://localhost:").append(port).append('\n')
                .append("    API          http://localhost:").append(port).append("/api/v1\n")
                .append("    OpenAPI      http://localhost:").append(port).append("/q/openapi\n")
                .append("    Health       http://localhost:").append(port).append("/q/health\n")
                .append("    Metrics      http://localhost:").append(port).append("/q/metrics\n");
        instructions.forEach(line -> banner.append("    ").append(line).append('\n'));
        LOG.info(banner);
    }

    /** Runs the contributors in one transaction, unless this database was seeded before. */
    List<String> seedOnce(List<DemoDataContributor> contributors) {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (!claimSeeding()) {
                LOG.debug("Demo data already seeded in this database");
                return List.of("Demo data was seeded at first start; it is still there.");
            }
            List<String> instructions = new ArrayList<>();
            DemoContext context = new DemoContext();
            contributors.stream().sorted(Comparator.comparingInt(DemoDataContributor::order))
                    .forEach(contributor -> instructions.addAll(contributor.seed(context)));
            LOG.infof("Seeded demo data from %d module(s)", contributors.size());
            return instructions;
        });
    }

    /** The marker row is the lock: a second instance starting at the same moment waits, then skips. */
    private boolean claimSeeding() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO platform.demo_seed (id) VALUES (1) ON CONFLICT DO NOTHING")) {
            return insert.executeUpdate() == 1;
        }
    }
}
