package com.labelmint.tasks.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8Test {

    @Test
    void wellFormedTextPasses() {
        byte[] text = "plain, ünïcödé, 日本語, 😀".getBytes(StandardCharsets.UTF_8);
        assertThat(Utf8.firstInvalidByte(text, text.length)).isEqualTo(-1);
    }

    @Test
    void everyMalformedSequenceIsFoundWhereItStarts() {
        assertThat(invalidAt(0x41, 0xC3, 0x28)).isEqualTo(1);            // a lead byte without its continuation
        assertThat(invalidAt(0xC0, 0xAF)).isEqualTo(0);                  // overlong '/'
        assertThat(invalidAt(0xE0, 0x80, 0xAF)).isEqualTo(0);            // overlong, three bytes
        assertThat(invalidAt(0xED, 0xA0, 0x80)).isEqualTo(0);            // an encoded surrogate (U+D800)
        assertThat(invalidAt(0xF4, 0x90, 0x80, 0x80)).isEqualTo(0);      // above U+10FFFF
        assertThat(invalidAt(0x41, 0x42, 0xE2, 0x82)).isEqualTo(2);      // cut short at the end
        assertThat(invalidAt(0xFF)).isEqualTo(0);                        // never valid
        assertThat(invalidAt(0x80)).isEqualTo(0);                        // a continuation byte alone
    }

    private static int invalidAt(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return Utf8.firstInvalidByte(bytes, bytes.length);
    }
}
