package com.labelmint.tasks.importing;

import java.util.Arrays;

/**
 * One record of an import body as {@link RecordSplitter} cut it: a line of JSON Lines, or a CSV record (which may
 * span lines inside quotes), without its line break. Reused by the splitter: valid until its next call.
 */
final class RawRecord {

    /** What made a record unreadable before its content was even looked at. */
    enum Defect {
        NONE,
        /** Longer than {@code labelmint.import.max-line-bytes}: its bytes were skipped, not kept. */
        TOO_LONG,
        /** A CSV quote opened and never closed: the record runs to the end of the body. */
        UNCLOSED_QUOTE
    }

    private byte[] bytes = new byte[8 * 1024];
    private int length;
    private int firstLine;
    private int lastLine;
    private Defect defect;
    private final int maxBytes;

    RawRecord(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    void start(int line) {
        length = 0;
        firstLine = line;
        defect = Defect.NONE;
    }

    /** Adds bytes to the record; past {@code maxBytes} they are dropped and the record is too long. */
    void append(byte[] source, int offset, int count) {
        int kept = Math.min(count, maxBytes - length);
        if (kept < count) {
            defect = Defect.TOO_LONG;
        }
        if (length + kept > bytes.length) {
            bytes = Arrays.copyOf(bytes, (int) Math.min(Math.max((long) bytes.length * 2, length + kept), maxBytes));
        }
        System.arraycopy(source, offset, bytes, length, kept);
        length += kept;
    }

    void end(int line, boolean unclosedQuote) {
        lastLine = line;
        if (unclosedQuote) {
            defect = Defect.UNCLOSED_QUOTE;
        } else if (length > 0 && bytes[length - 1] == '\r' && defect == Defect.NONE) {
            length--;
        }
    }

    byte[] bytes() {
        return bytes;
    }

    int length() {
        return length;
    }

    int firstLine() {
        return firstLine;
    }

    int lastLine() {
        return lastLine;
    }

    Defect defect() {
        return defect;
    }

    /** Nothing but spaces and tabs: a blank line, skipped without complaint. */
    boolean isBlank() {
        if (defect != Defect.NONE) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (bytes[i] != ' ' && bytes[i] != '\t') {
                return false;
            }
        }
        return true;
    }
}
