package com.labelmint.tasks.importing;

/**
 * PostgreSQL COPY's text format for one field's bytes: a backslash is read as an escape, and tab, line feed and
 * carriage return as structure, so those four are written as {@code \\}, {@code \t}, {@code \n} and {@code \r};
 * every other byte (UTF-8 multi-byte sequences included) goes as it is. Done on the bytes, in runs: nearly all of
 * a JSON value needs no escape and is copied in one go, without a String in between.
 */
final class CopyText {

    private CopyText() {
    }

    /** The most bytes {@link #escape} writes for {@code count} bytes: every one of them escaped. */
    static int mostEscapedBytes(int count) {
        return count * 2;
    }

    /**
     * Writes {@code source[offset, offset + count)} escaped into {@code target} from {@code position}, which must
     * have room for {@link #mostEscapedBytes}; returns the position after the last byte written.
     */
    static int escape(byte[] source, int offset, int count, byte[] target, int position) {
        int run = offset;
        int end = offset + count;
        for (int i = offset; i < end; i++) {
            byte b = source[i];
            if (b <= '\\' && (b == '\\' || b == '\n' || b == '\r' || b == '\t')) {
                System.arraycopy(source, run, target, position, i - run);
                position += i - run;
                target[position++] = '\\';
                target[position++] = b == '\\' ? (byte) '\\' : b == '\n' ? (byte) 'n' : b == '\r' ? (byte) 'r' : (byte) 't';
                run = i + 1;
            }
        }
        System.arraycopy(source, run, target, position, end - run);
        return position + end - run;
    }
}
