package com.labelmint.testing.process;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A database of its own for a process-level test class, on the machine's PostgreSQL (the server of
 * {@code labelmint.test.jdbc-url} when given, else 127.0.0.1:5432), dropped and created afresh.
 * Plain JDBC: the tests look at the tables the way an operator would.
 */
public final class TestDatabase implements AutoCloseable {

    /** The application name of the tests' own connections, to tell them apart from the instances'. */
    public static final String APPLICATION_NAME = "labelmint-it";

    private static final Pattern SERVER = Pattern.compile("^jdbc:postgresql://([^/]+)/.*");

    private final String server;
    private final String name;

    private TestDatabase(String server, String name) {
        this.server = server;
        this.name = name;
    }

    /** Drops the database if it exists (disconnecting whoever uses it) and creates it empty. */
    public static TestDatabase recreate(String name) {
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("Unsafe database name: " + name);
        }
        TestDatabase database = new TestDatabase(server(), name);
        database.onMaintenanceDatabase("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        database.onMaintenanceDatabase("CREATE DATABASE " + name);
        return database;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + server + "/" + name;
    }

    public Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", "postgres");
        properties.setProperty("ApplicationName", APPLICATION_NAME);
        return DriverManager.getConnection(jdbcUrl(), properties);
    }

    /** The single number a query returns, e.g. a count. */
    public long queryLong(String sql, Object... parameters) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                Object parameter = parameters[i];
                if (parameter instanceof UUID[] uuids) {
                    statement.setArray(i + 1, connection.createArrayOf("uuid", uuids));
                } else {
                    statement.setObject(i + 1, parameter);
                }
            }
            try (ResultSet result = statement.executeQuery()) {
                if (!result.next()) {
                    throw new IllegalStateException("No row from: " + sql);
                }
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /**
     * Waits until no connection but the tests' own is open on the database: after a SIGKILL, the
     * server may still be running (and committing) what the dead process sent last.
     */
    public void awaitNoApplicationConnections(Duration timeout) {
        awaitNoConnections("application_name <> ?", APPLICATION_NAME, "application", timeout);
    }

    /**
     * Waits until no connection of the given instance is open on the database (its connections carry
     * its name as application name): the others may go on working meanwhile.
     */
    public void awaitNoConnectionsOf(AppProcess app, Duration timeout) {
        awaitNoConnections("application_name = ?", app.name(), app.name(), timeout);
    }

    private void awaitNoConnections(String condition, String applicationName, String whose, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long open;
        while ((open = queryLong("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                + "AND pid <> pg_backend_pid() AND " + condition, applicationName)) > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(open + " " + whose + " connections still open on " + name + " after " + timeout);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Drops the database; every instance using it must be stopped already. */
    @Override
    public void close() {
        onMaintenanceDatabase("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private void onMaintenanceDatabase(String sql) {
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://" + server + "/postgres", "postgres", null);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private static String server() {
        String configured = System.getProperty("labelmint.test.jdbc-url", "");
        Matcher matcher = SERVER.matcher(configured);
        return matcher.matches() ? matcher.group(1) : "127.0.0.1:5432";
    }

    @Override
    public String toString() {
        return jdbcUrl();
    }
}
