package com.labelmint.tasks.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CopyTextTest {

    @Test
    void textWithoutBackslashTabOrLineBreaksGoesAsItIs() {
        assertThat(escaped("{\"text\": \"Great phone, ünïcödé 😀\", \"stars\": 5}"))
                .isEqualTo("{\"text\": \"Great phone, ünïcödé 😀\", \"stars\": 5}");
        assertThat(escaped("")).isEmpty();
    }

    @Test
    void backslashTabLineFeedAndCarriageReturnAreEscapedWhereverTheyStand() {
        assertThat(escaped("{\"s\": \"a\\\"b\"}")).isEqualTo("{\"s\": \"a\\\\\"b\"}");
        assertThat(escaped("\ta\tb\t")).isEqualTo("\\ta\\tb\\t");
        assertThat(escaped("\n\r\\")).isEqualTo("\\n\\r\\\\");
        assertThat(escaped("{\n  \"s\": 1\r\n}")).isEqualTo("{\\n  \"s\": 1\\r\\n}");
    }

    @Test
    void escapesASliceIntoTheTargetFromItsPosition() {
        byte[] source = "xx\tyy".getBytes(StandardCharsets.UTF_8);
        byte[] room = new byte[2 + CopyText.mostEscapedBytes(3)];
        room[0] = 'A';
        room[1] = 'B';

        int end = CopyText.escape(source, 1, 3, room, 2);

        assertThat(new String(room, 0, end, StandardCharsets.UTF_8)).isEqualTo("ABx\\ty");
    }

    @Test
    void theRoomAskedForIsEnoughWhenEveryByteIsEscaped() {
        byte[] source = "\\\\\t\n\r".getBytes(StandardCharsets.UTF_8);
        byte[] room = new byte[CopyText.mostEscapedBytes(source.length)];

        int end = CopyText.escape(source, 0, source.length, room, 0);

        assertThat(end).isEqualTo(room.length);
        assertThat(new String(room, StandardCharsets.UTF_8)).isEqualTo("\\\\\\\\\\t\\n\\r");
    }

    private static String escaped(String text) {
        byte[] source = text.getBytes(StandardCharsets.UTF_8);
        byte[] target = new byte[CopyText.mostEscapedBytes(source.length)];
        return new String(target, 0, CopyText.escape(source, 0, source.length, target, 0), StandardCharsets.UTF_8);
    }
}
