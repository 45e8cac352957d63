package com.labelmint.notifications.notice;

import com.labelmint.platform.paging.NewestFirstCursor;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/** Binds the keyset {@code (created_at, id) < (?, ?)} of a newest-first list: past everything for the first page. */
public final class NewestFirst {

    private static final Instant END_OF_TIME = Instant.parse("9999-12-31T00:00:00Z");
    private static final UUID LAST_ID = new UUID(-1L, -1L);

    private NewestFirst() {
    }

    public static void bindAfter(PreparedStatement query, int index, String cursor) throws SQLException {
        NewestFirstCursor after = NewestFirstCursor.parse(cursor);
        query.setTimestamp(index, Timestamp.from(after == null ? END_OF_TIME : after.createdAt()));
        query.setObject(index + 1, after == null ? LAST_ID : after.id());
    }
}
