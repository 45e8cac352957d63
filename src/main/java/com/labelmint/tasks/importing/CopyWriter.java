package com.labelmint.tasks.importing;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows for {@code COPY ... FROM STDIN} in PostgreSQL's text format, buffered and sent in large chunks on the
 * transaction's own connection. A failure while sending (the server refused a row) is kept and thrown by
 * {@link #finish()}: the caller goes on reading its input, so its error report is complete either way.
 */
final class CopyWriter {

    private static final int FLUSH_AT = 256 * 1024;
    private static final byte[] NULL = {'\\', 'N'};
    private static final byte[] TAB = {'\t'};
    private static final byte[] NEWLINE = {'\n'};

    private final CopyIn copy;
    private byte[] buffer = new byte[FLUSH_AT * 2];
    private int length;
    private boolean fieldsInRow;
    private SQLException failure;
    private boolean abandoned;

    private CopyWriter(CopyIn copy) {
        this.copy = copy;
    }

    static CopyWriter open(Connection connection, String copyStatement) throws SQLException {
        return new CopyWriter(connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copyStatement));
    }

    /** A field already in COPY text form (ids, numbers): written as it is. */
    void raw(byte[] field) {
        separate();
        put(field, 0, field.length);
    }

    /** A text field; null is SQL NULL. */
    void text(String value) {
        if (value == null) {
            nullField();
        } else {
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            escaped(utf8, 0, utf8.length);
        }
    }

    /** A JSON field (UTF-8 JSON text); null is SQL NULL. */
    void json(JsonText value) {
        if (value == null) {
            nullField();
        } else {
            escaped(value.bytes(), value.offset(), value.length());
        }
    }

    void endRow() {
        put(NEWLINE, 0, 1);
        fieldsInRow = false;
        if (length >= FLUSH_AT) {
            flush();
        }
    }

    /** Stops sending rows for good: the server discards what it got. */
    void abandon() {
        if (!abandoned) {
            abandoned = true;
            length = 0;
            cancelQuietly();
        }
    }

    /** Ends the copy; returns the rows the server stored, or throws the failure met on the way. */
    long finish() throws SQLException {
        flush();
        if (failure != null) {
            cancelQuietly();
            throw failure;
        }
        return copy.endCopy();
    }

    private void flush() {
        if (length > 0 && failure == null && !abandoned) {
            try {
                copy.writeToCopy(buffer, 0, length);
            } catch (SQLException e) {
                failure = e;
            }
        }
        length = 0;
    }

    private void cancelQuietly() {
        try {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        } catch (SQLException e) {
            // the copy already ended with the server's error, which is what the caller hears about
        }
    }

    private void separate() {
        if (fieldsInRow) {
            put(TAB, 0, 1);
        }
        fieldsInRow = true;
    }

    private void nullField() {
        separate();
        put(NULL, 0, NULL.length);
    }

    private void escaped(byte[] utf8, int offset, int count) {
        separate();
        ensure(CopyText.mostEscapedBytes(count));
        length = CopyText.escape(utf8, offset, count, buffer, length);
    }

    private void put(byte[] bytes, int offset, int count) {
        ensure(count);
        System.arraycopy(bytes, offset, buffer, length, count);
        length += count;
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
        }
    }
}
