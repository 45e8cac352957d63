package com.labelmint.tasks.queue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/**
 * One labeler's queue transactions, one at a time: two "next" calls of one person (two devices) wait for each
 * other, and so does an exclusion, so a task being handed out as the labeler is excluded is either refused or
 * taken back.
 */
final class LabelerLock {

    /** The namespace of the per-labeler advisory locks (two-key form, apart from any single-key lock). */
    private static final int NEXT_TASK_LOCKS = 0x7461736b;

    private LabelerLock() {
    }

    /** Held until the caller's transaction ends. */
    static void lock(Connection connection, UUID labelerId) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?, hashtext(?))")) {
            lock.setInt(1, NEXT_TASK_LOCKS);
            lock.setString(2, labelerId.toString());
            lock.execute();
        }
    }
}
