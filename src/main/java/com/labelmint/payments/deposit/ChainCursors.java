package com.labelmint.payments.deposit;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;

/** How far a watcher has read an account's transactions; only ever moves forward, whatever polls overlap. */
@ApplicationScoped
class ChainCursors {

    private static final String READ = "SELECT lt FROM payments.chain_cursor WHERE name = ?";

    private static final String ADVANCE = """
            INSERT INTO payments.chain_cursor (name, lt, hash, updated_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (name) DO UPDATE SET lt = excluded.lt, hash = excluded.hash, updated_at = excluded.updated_at
            WHERE payments.chain_cursor.lt < excluded.lt""";

    private final Clock clock;

    ChainCursors(Clock clock) {
        this.clock = clock;
    }

    /** The logical time of the newest transaction handled, or 0 before the first. */
    long handledUpTo(Connection connection, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(READ)) {
            query.setString(1, name);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getLong(1) : 0;
            }
        }
    }

    void advance(Connection connection, String name, long lt, String hash) throws SQLException {
        try (PreparedStatement advance = connection.prepareStatement(ADVANCE)) {
            advance.setString(1, name);
            advance.setLong(2, lt);
            advance.setString(3, hash);
            advance.setTimestamp(4, Timestamp.from(clock.instant()));
            advance.executeUpdate();
        }
    }
}
