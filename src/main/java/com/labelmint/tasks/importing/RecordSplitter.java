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
        boolean inQuotes = false;
        boolean quoteSeen = false; // inside quotes, the previous byte was a quote: closing, or the first of ""
        boolean atFieldStart = true;
        while (fill()) {
            byte b = input[position++];
            if (b == '\n') {
                if (!inQuotes || quoteSeen) {
                    record.end(line++, false);
                    return record;
                }
                line++;
            } else if (quotedValuesSpanLines) {
                if (inQuotes) {
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
            record.append(b);
        }
        record.end(line, inQuotes && !quoteSeen);
        return record;
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
