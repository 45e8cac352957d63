package com.labelmint.payments.ton;

import java.util.Optional;

/**
 * A message of a transaction, as toncenter v2 reports it.
 *
 * @param source user-friendly address as the API wrote it; empty for an external message
 * @param destination user-friendly address as the API wrote it
 * @param value nanotons carried
 * @param bodyHash hash of the body cell, base64
 * @param bodyBoc the body as base64 BoC, when the API gives it raw ({@code msg.dataRaw})
 * @param text the comment, when the API decoded the body as one ({@code msg.dataText}) instead
 */
public record TonMessage(String source, String destination, long value, String bodyHash, Optional<String> bodyBoc,
        Optional<String> text, long createdLt) {

    public boolean isExternal() {
        return source.isEmpty();
    }
}
