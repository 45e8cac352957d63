package com.labelmint.platform.launch;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * A real PostgreSQL 15 for the no-setup run, kept in {@code ./data/postgres} (or
 * {@code LABELMINT_DATA_DIR}) so that a restart finds its data again.
 */
final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);
    private static final String DATABASE = "labelmint";

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static EmbeddedDatabase startUnlessConfigured() throws Exception {
        if (setting("quarkus.datasource.jdbc.url").isPresent()) {
            return new EmbeddedDatabase(null);
        }
        Path dataDirectory = dataDirectory().resolve("postgres").toAbsolutePath();
        int port = Integer.parseInt(setting("labelmint.embedded-db.port").orElse("54329"));
        Files.createDirectories(dataDirectory);
        StalePostmaster.stopIfRunning(dataDirectory, Duration.ofSeconds(30));
        LOG.infof("No database configured: starting embedded PostgreSQL in %s on port %d", dataDirectory, port);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                // the library's defaults trade durability for speed; this data must survive a crash
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
        createDatabaseIfMissing(postgres);
        System.setProperty("quarkus.datasource.jdbc.url", postgres.getJdbcUrl("postgres", DATABASE));
        System.setProperty("quarkus.datasource.username", "postgres");
        if (setting("labelmint.demo.enabled").isEmpty()) {
            System.setProperty("labelmint.demo.enabled", "true");
        }
        return new EmbeddedDatabase(postgres);
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres) throws Exception {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            try (ResultSet existing = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (existing.next()) {
                    return;
                }
            }
            statement.execute("CREATE DATABASE " + DATABASE);
        }
    }

    /** Where local state lives: {@code labelmint.data-dir}, by default {@code ./data}. */
    static Path dataDirectory() {
        return Path.of(setting("labelmint.data-dir").orElse("data"));
    }

    /** A setting from a system property or its environment-variable form, as Quarkus would read it. */
    static Optional<String> setting(String key) {
        String value = System.getProperty(key);
        if (value == null) {
            value = System.getenv(key.toUpperCase().replaceAll("[^A-Z0-9]", "_"));
        }
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }

    @Override
    public void close() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }
}
