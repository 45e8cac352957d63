package com.labelmint.platform.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Reads a large result row by row through a server-side cursor. PostgreSQL's driver fetches in batches only with a
 * fetch size inside a transaction; otherwise it loads the whole result into memory first. The rows are read in a
 * read-only transaction of their own on the given connection, which is rolled back (nothing to keep) and handed back
 * in auto-commit mode.
 */
public final class CursorReads {

    /** Takes the current row; may throw the caller's own checked exception (e.g. an I/O error of a stream). */
    @FunctionalInterface
    public interface RowConsumer<E extends Exception> {
        void accept(ResultSet row) throws SQLException, E;
    }

    private CursorReads() {
    }

    public static <E extends Exception> void forEachRow(Connection connection, String sql, int rowsPerFetch,
                                                        SingleStatements.Binder binder, RowConsumer<E> consumer)
            throws SQLException, E {
        connection.setAutoCommit(false);
        connection.setReadOnly(true);
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setFetchSize(rowsPerFetch);
            binder.bind(query);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    consumer.accept(rows);
                }
            }
        } finally {
            connection.rollback();
            connection.setReadOnly(false);
            connection.setAutoCommit(true);
        }
    }
}
