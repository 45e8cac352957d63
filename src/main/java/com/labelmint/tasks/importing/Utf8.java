package com.labelmint.tasks.importing;

/**
 * Strict UTF-8 validation (RFC 3629): no overlong forms, no surrogates, nothing above U+10FFFF. Decoders would
 * otherwise replace bad bytes with U+FFFD and import a mangled value without a word.
 */
final class Utf8 {

    private Utf8() {
    }

    /** The index of the first byte that is not valid UTF-8, or -1 when all {@code length} bytes are. */
    static int firstInvalidByte(byte[] bytes, int length) {
        int i = 0;
        while (i < length) {
            int b = bytes[i] & 0xFF;
            if (b < 0x80) {
                i++;
                continue;
            }
            int size;
            int min;
            int max = 0xBF;
            if (b >= 0xC2 && b <= 0xDF) {
                size = 2;
                min = 0x80;
            } else if (b >= 0xE0 && b <= 0xEF) {
                size = 3;
                min = b == 0xE0 ? 0xA0 : 0x80; // overlong
                max = b == 0xED ? 0x9F : 0xBF; // surrogates
            } else if (b >= 0xF0 && b <= 0xF4) {
                size = 4;
                min = b == 0xF0 ? 0x90 : 0x80; // overlong
                max = b == 0xF4 ? 0x8F : 0xBF; // above U+10FFFF
            } else {
                return i;
            }
            if (i + size > length) {
                return i;
            }
            int second = bytes[i + 1] & 0xFF;
            if (second < min || second > max) {
                return i;
            }
            for (int k = 2; k < size; k++) {
                int next = bytes[i + k] & 0xFF;
                if (next < 0x80 || next > 0xBF) {
                    return i;
                }
            }
            i += size;
        }
        return -1;
    }
}
