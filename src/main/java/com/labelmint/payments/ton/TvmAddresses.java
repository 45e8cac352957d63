package com.labelmint.payments.ton;

import java.math.BigInteger;
import org.ton.ton4j.cell.CellSlice;

/** Reading {@code MsgAddress} from cells we did not write, strictly: ton4j's loadAddress reads any tag as addr_std. */
final class TvmAddresses {

    private static final int ADDR_NONE = 0b00;
    private static final int ADDR_STD = 0b10;

    private TvmAddresses() {
    }

    /**
     * @return the raw form {@code wc:hex} of an addr_std, or "" for addr_none
     * @throws IllegalArgumentException for an external, variable-length or anycast address
     */
    static String loadRaw(CellSlice slice) {
        int tag = slice.loadUint(2).intValue();
        if (tag == ADDR_NONE) {
            return "";
        }
        if (tag != ADDR_STD || slice.loadBit()) {
            throw new IllegalArgumentException("not a plain addr_std");
        }
        int workchain = slice.loadInt(8).intValue();
        BigInteger hash = slice.loadUint(256);
        return workchain + ":" + String.format("%064x", hash);
    }
}
