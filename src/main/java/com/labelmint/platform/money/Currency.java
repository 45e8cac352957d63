package com.labelmint.platform.money;

/** The currencies LabelMint holds, each with the number of decimals of its base unit. */
public enum Currency {
    /** Tether USD as a TON jetton: 1 USDT = 1 000 000 base units. */
    USDT(6);

    private final int decimals;

    Currency(int decimals) {
        this.decimals = decimals;
    }

    public int decimals() {
        return decimals;
    }
}
