package com.labelmint.tasks.importing;

import java.io.IOException;
import java.io.InputStream;

/**
 * Cuts an import body into records, streaming: a record ends at a line feed, except (CSV) inside a quoted value.
 * It keeps at most {@code maxRecordBytes} of a record, so one huge line costs a bounded buffer and an error, and
 * it finds record boundaries by itself, so a record that cannot be parsed never takes the next ones with it.
 *
 * <p>The CSV rule is RFC 4180's, read the way Jackson's CSV parser reads a record: a quote opens a quoted value
 * only at the start of a field, {@code ""} inside one is a quote, and any other quote is an ordinary character.
 * A UTF-8 byte order mark at the very start is skipped.
 */
final class RecordSplitter {

    private static final int READ_BUFFER = 64 * 1024;

    private final InputStream in;
    private final boolean quotedValuesSpanLines;
    private final byte[] input = new byte[READ_BUFFER];
    private final RawRecord record;
    private int position;
    private int limit;
    private int line = 1;
    private boolean started;
    // where the current CSV record stands, across refills of the input buffer
    private boolean inQuotes;
    private boolean quoteSeen; // inside quotes, the previous byte was a quote: closing, or the first of ""
    private boolean atFieldStart;

    RecordSplitter(InputStream in, int maxRecordBytes, boolean quotedValuesSpanLines) {
        this.in = in;
        this.quotedValuesSpanLines = quotedValuesSpanLines;
        this.record = new RawRecord(maxRecordBytes);
    }

    /** The next record, or null at the end of the body. */
    RawRecord next() throws IOException {
        if (!fill()) {
            return null;
        }
        record.start(line);
        inQuotes = false;
        quoteSeen = false;
        atFieldStart = true;
        while (fill()) {
            int start = position;
            int end = quotedValuesSpanLines ? csvRecordEnd() : lineEnd();
            if (end >= 0) {
                record.append(input, start, end - start);
                position = end + 1;
                record.end(line++, false);
                return record;
            }
            record.append(input, start, limit - start);
            position = limit;
        }
        record.end(line, inQuotes && !quoteSeen);
        return record;
    }

    /** The index of the next line feed in the buffer, or -1. */
    private int lineEnd() {
        for (int i = position; i < limit; i++) {
            if (input[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** The index of the line feed that ends the CSV record in the buffer, or -1; counts the line feeds inside quotes. */
    private int csvRecordEnd() {
        for (int i = position; i < limit; i++) {
            byte b = input[i];
            if (b == '\n') {
                if (!inQuotes || quoteSeen) {
                    return i;
                }
                line++;
            } else if (inQuotes) {
                if (quoteSeen) {
                    quoteSeen = false;
                    inQuotes = b == '"';
                    atFieldStart = b == ',';
                } else {
                    quoteSeen = b == '"';
                }
            } else if (b == '"' && atFieldStart) {
                inQuotes = true;
                atFieldStart = false;
            } else {
                atFieldStart = b == ',';
            }
        }
        return -1;
    }

    private boolean fill() throws IOException {
        if (position < limit) {
            return true;
        }
        int read = in.readNBytes(input, 0, input.length);
        if (read <= 0) {
            return false;
        }
        position = 0;
        limit = read;
        if (!started) {
            started = true;
            if (limit >= 3 && input[0] == (byte) 0xEF && input[1] == (byte) 0xBB && input[2] == (byte) 0xBF) {
                position = 3;
                return position < limit || fill();
            }
        }
        return true;
    }
}
