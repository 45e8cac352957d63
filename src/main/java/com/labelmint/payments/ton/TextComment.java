package com.labelmint.payments.ton;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.ton.ton4j.cell.Cell;
import org.ton.ton4j.cell.CellBuilder;
import org.ton.ton4j.cell.CellSlice;

/**
 * A text comment as wallets write it: 32 zero bits, then UTF-8 bytes, continued in the first reference of each
 * cell when longer than one cell holds ("snake" layout). Our own codec because ton4j's string helpers count
 * characters, not UTF-8 bytes.
 */
final class TextComment {

    private static final int TEXT_COMMENT_OP = 0;
    /** 1023 bits a cell, less the 32-bit op in the first one. */
    private static final int FIRST_CELL_BYTES = 123;
    private static final int NEXT_CELL_BYTES = 127;
    /** Longer than any memo we hand out; a bound keeps a hostile chain of cells from costing much. */
    private static final int MAX_BYTES = 1024;

    private TextComment() {
    }

    static Cell encode(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_BYTES) {
            throw new IllegalArgumentException("A comment holds at most " + MAX_BYTES + " UTF-8 bytes");
        }
        int first = Math.min(bytes.length, FIRST_CELL_BYTES);
        CellBuilder head = CellBuilder.beginCell().storeUint(TEXT_COMMENT_OP, 32).storeBytes(Arrays.copyOf(bytes, first));
        if (first < bytes.length) {
            head.storeRef(tail(Arrays.copyOfRange(bytes, first, bytes.length)));
        }
        return head.endCell();
    }

    private static Cell tail(byte[] bytes) {
        int here = Math.min(bytes.length, NEXT_CELL_BYTES);
        CellBuilder cell = CellBuilder.beginCell().storeBytes(Arrays.copyOf(bytes, here));
        if (here < bytes.length) {
            cell.storeRef(tail(Arrays.copyOfRange(bytes, here, bytes.length)));
        }
        return cell.endCell();
    }

    /**
     * Reads a comment from the slice's position, consuming it. Empty when the payload is no text comment (another
     * op, too short, not whole bytes, or not valid UTF-8).
     */
    static Optional<String> decode(CellSlice slice) {
        if (slice.getRestBits() < 32 || slice.loadUint(32).signum() != 0) {
            return Optional.empty();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CellSlice current = slice;
        while (true) {
            int bits = current.getRestBits();
            if (bits % 8 != 0 || bytes.size() + bits / 8 > MAX_BYTES) {
                return Optional.empty();
            }
            if (bits > 0) {
                bytes.writeBytes(current.loadBytes(bits));
            }
            if (current.getRefsCount() == 0) {
                break;
            }
            current = CellSlice.beginParse(current.loadRef());
        }
        return utf8(bytes.toByteArray());
    }

    private static Optional<String> utf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
