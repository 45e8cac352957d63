package com.labelmint.payments.ton;

/** TEP-74 operation codes, the first 32 bits of a jetton message body. */
final class JettonOps {

    /** owner → own jetton wallet: send jettons. */
    static final long TRANSFER = 0x0f8a7ea5L;
    /** jetton wallet → its owner: jettons arrived. */
    static final long TRANSFER_NOTIFICATION = 0x7362d09cL;
    /** jetton wallet → jetton wallet: the transfer itself. */
    static final long INTERNAL_TRANSFER = 0x178d4519L;
    /** jetton wallet → response destination: unspent TON returned. */
    static final long EXCESSES = 0xd53276dbL;
    /** Prefix of a bounced message's body, before the first bits of the message that failed. */
    static final long BOUNCED = 0xffffffffL;

    private JettonOps() {
    }
}
