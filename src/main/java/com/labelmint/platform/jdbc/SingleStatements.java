package com.labelmint.platform.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Runs one statement on a pooled connection of its own, for stores whose every call is a single statement: it
 * takes part in the caller's JTA transaction when there is one (the pool enlists the connection), and autocommits
 * when there is none. A failure surfaces as {@link DataAccessException} naming the statement.
 */
public final class SingleStatements {

    /** Sets a statement's parameters. */
    @FunctionalInterface
    public interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /** Sets a statement's parameters where one needs the connection, e.g. to create a SQL array. */
    @FunctionalInterface
    public interface ConnectionBinder {
        void bind(Connection connection, PreparedStatement statement) throws SQLException;
    }

    /** Reads the current row of a result. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    private final DataSource dataSource;
    private final String store;

    /** @param store what the statements keep, for error messages (e.g. "Outbox", "Import job") */
    public SingleStatements(DataSource dataSource, String store) {
        this.dataSource = dataSource;
        this.store = store;
    }

    public int update(String sql, Binder binder) {
        return update(sql, (connection, statement) -> binder.bind(statement));
    }

    public int update(String sql, ConnectionBinder binder) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(connection, statement);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessException(store, sql, e);
        }
    }

    public <T> List<T> list(String sql, Binder binder, RowReader<T> reader) {
        return list(sql, (connection, statement) -> binder.bind(statement), reader);
    }

    public <T> List<T> list(String sql, ConnectionBinder binder, RowReader<T> reader) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(connection, statement);
            List<T> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(reader.read(result));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new DataAccessException(store, sql, e);
        }
    }

    /** The first row, if any: for statements that select or return at most one. */
    public <T> Optional<T> first(String sql, Binder binder, RowReader<T> reader) {
        return list(sql, binder, reader).stream().findFirst();
    }

    /** A database failure of a single statement; it rolls back the caller's transaction. */
    public static final class DataAccessException extends RuntimeException {
        DataAccessException(String store, String sql, SQLException cause) {
            super(store + " statement failed: " + sql.substring(0, Math.min(sql.length(), 60)) + "...: " + cause.getMessage(), cause);
        }
    }
}
