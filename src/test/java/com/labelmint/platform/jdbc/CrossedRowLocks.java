package com.labelmint.platform.jdbc;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/** Work that deadlocks on purpose: two callers lock the same two rows in opposite orders, meeting in between. */
@ApplicationScoped
public class CrossedRowLocks {

    static final String TABLE = "public.conflict_retry_probe";

    private final DataSource dataSource;

    CrossedRowLocks(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Counts {@code first} up, waits at {@code meeting} until the other caller holds its first row too (on the first
     * attempt only: a retry must not wait for a partner that is gone), then counts {@code second} up.
     */
    @Transactional
    @RetriedOnConflict
    public void countUpBoth(int first, int second, CyclicBarrier meeting, AtomicInteger attempts) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            countUp(connection, first);
            if (attempts.incrementAndGet() == 1) {
                meeting.await(10, TimeUnit.SECONDS);
            }
            countUp(connection, second);
        }
    }

    /** Fails the same way every time, but not in a conflict: nothing to try again. */
    @Transactional
    @RetriedOnConflict
    public void countUpAndFail(int row, AtomicInteger attempts) throws SQLException {
        attempts.incrementAndGet();
        try (Connection connection = dataSource.getConnection()) {
            countUp(connection, row);
        }
        throw new IllegalStateException("not a conflict");
    }

    private static void countUp(Connection connection, int row) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + TABLE + " SET n = n + 1 WHERE id = ?")) {
            update.setInt(1, row);
            update.executeUpdate();
        }
    }
}
