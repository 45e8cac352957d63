package com.labelmint.auth.credential;

import java.util.Locale;

/** One spelling per mailbox: e-mails are compared and stored trimmed and lower-cased. */
public final class Emails {

    private Emails() {
    }

    public static String normalise(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }
}
