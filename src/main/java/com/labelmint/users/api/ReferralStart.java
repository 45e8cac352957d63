package com.labelmint.users.api;

import java.util.Optional;

/**
 * How a referral code travels in Telegram's start parameters: {@code ref_<code>}, both in the bot's
 * {@code ?start=} links (the /start payload) and in the Mini App's {@code ?startapp=} links (initData's
 * {@code start_param}). Telegram allows letters, digits, {@code _} and {@code -} there, which the prefix keeps to.
 */
public final class ReferralStart {

    private static final String PREFIX = "ref_";

    private ReferralStart() {
    }

    /** The start parameter that carries {@code code}. */
    public static String payloadOf(String code) {
        return PREFIX + code;
    }

    /** The referral code a start parameter carries; empty for any other parameter (the users module checks the code). */
    public static Optional<String> codeIn(String startParameter) {
        return startParameter != null && startParameter.startsWith(PREFIX)
                ? Optional.of(startParameter.substring(PREFIX.length()))
                : Optional.empty();
    }
}
