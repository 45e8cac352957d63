package com.labelmint.scenario;

/** The TON blockchain as the scenario's people use it: USDT sent to the platform with a memo, wallets to be paid to. */
interface TonChain {

    /** Someone sends {@code units} of USDT to the platform's hot wallet with the comment {@code memo}. */
    void sendUsdt(long units, String memo);

    /** A person's own TON wallet (numbered, 1–255), in the form their wallet app shows it. */
    String walletOf(int person);
}
