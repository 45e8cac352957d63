package com.labelmint.auth.telegram;

import java.util.HexFormat;

/**
 * Telegram's Ed25519 public keys for the third-party check of Mini App initData, as published
 * by Telegram. Test-environment bots are signed with a key of their own.
 */
public enum TelegramEnvironment {
    PRODUCTION("e7bf03a2fa4602af4580703d88dda5bb59f32ed8b02a56c187fe7d34caed242d"),
    TEST("40055058a4ee38156a06562e52eece92a771bcd8346a8c4615cb7376eddf72ec");

    private final String publicKeyHex;

    TelegramEnvironment(String publicKeyHex) {
        this.publicKeyHex = publicKeyHex;
    }

    /** The raw 32-byte key; a fresh copy each time, so no caller can alter the constant. */
    public byte[] publicKey() {
        return HexFormat.of().parseHex(publicKeyHex);
    }
}
