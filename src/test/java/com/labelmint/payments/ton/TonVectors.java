package com.labelmint.payments.ton;

/** The key and addresses of docs TON.md (shared/docs/TON.md), checked offline against wallet apps' derivation. */
final class TonVectors {

    static final String SEED = "9d61b19deffd5a60ba844af492ec2cc44449c5697b358b5fd23f3dc7fdeacd2c";
    static final String PUBLIC_KEY = "8290c477caf06676baa1946f4cf6ab3ed154b56d6248c05593d088b7f93ec3cc";
    static final String MAINNET_BOUNCEABLE = "EQCZ96clmPiahprc2aCrqsQB-P-H9mddZQUEFDz-xERJXyK0";
    static final String MAINNET_NON_BOUNCEABLE = "UQCZ96clmPiahprc2aCrqsQB-P-H9mddZQUEFDz-xERJX39x";
    static final String RAW = "0:99f7a72598f89a869adcd9a0abaac401f8ff87f6675d650504143cfec444495f";
    static final long MAINNET_WALLET_ID = 2147483409L;

    private TonVectors() {
    }
}
