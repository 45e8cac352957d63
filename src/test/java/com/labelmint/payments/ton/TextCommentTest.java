package com.labelmint.payments.ton;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.ton.ton4j.cell.Cell;
import org.ton.ton4j.cell.CellBuilder;
import org.ton.ton4j.cell.CellSlice;

class TextCommentTest {

    @Test
    void shortAndLongCommentsRoundTrip() {
        for (String text : new String[] {"", "LM-7Q4X-K2P9", "é".repeat(62), "✓".repeat(41), "x".repeat(123), "y".repeat(124), "z".repeat(1024)}) {
            assertThat(TextComment.decode(CellSlice.beginParse(TextComment.encode(text)))).as(text).contains(text);
        }
    }

    @Test
    void aMultiByteCharacterMaySpanTwoCells() {
        String text = "a" + "€".repeat(60); // 181 bytes: a € straddles the 123-byte first cell
        Cell cell = TextComment.encode(text);
        assertThat(cell.getRefs()).hasSize(1);
        assertThat(TextComment.decode(CellSlice.beginParse(cell))).contains(text);
    }

    @Test
    void anythingButAWholeUtf8TextCommentIsNone() {
        assertThat(TextComment.decode(CellSlice.beginParse(CellBuilder.beginCell().storeUint(1, 32).storeBytes("hi".getBytes(StandardCharsets.UTF_8)).endCell()))).isEmpty();
        assertThat(TextComment.decode(CellSlice.beginParse(CellBuilder.beginCell().storeUint(0, 16).endCell()))).isEmpty();
        assertThat(TextComment.decode(CellSlice.beginParse(CellBuilder.beginCell().storeUint(0, 32).storeUint(1, 3).endCell()))).isEmpty();
        assertThat(TextComment.decode(CellSlice.beginParse(CellBuilder.beginCell().storeUint(0, 32).storeBytes(new byte[] {(byte) 0xff}).endCell()))).isEmpty();
    }

    @Test
    void overlongCommentsAreRefused() {
        assertThatThrownBy(() -> TextComment.encode("x".repeat(1025))).isInstanceOf(IllegalArgumentException.class);
    }
}
