package com.labelmint.platform.idempotency;

import com.labelmint.platform.error.ProblemException;
import java.util.regex.Pattern;

/** The {@code Idempotency-Key} request header: visible ASCII, like the UUIDs and request ids clients use as keys. */
public final class IdempotencyKeys {

    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");

    private IdempotencyKeys() {
    }

    /** The key, or {@code null} when the request sent none; a malformed key is a 400. */
    public static String optional(String header) {
        if (header != null && !KEY.matcher(header).matches()) {
            throw ProblemException.badRequest("invalid-idempotency-key", "An Idempotency-Key is 1 to 200 visible ASCII characters, such as a UUID");
        }
        return header;
    }

    /** The key of a request that moves money: without one, a retry could move it twice, so it is a 400. */
    public static String required(String header, String action) {
        if (header == null) {
            throw ProblemException.badRequest("idempotency-key-required",
                    action + " moves money: send an Idempotency-Key header (1 to 200 visible ASCII characters, such as a UUID)");
        }
        return optional(header);
    }
}
