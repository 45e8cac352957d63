package com.labelmint.auth.api;

import java.util.Optional;
import java.util.UUID;

/** Where a person can be written to: the e-mail they sign in with, for modules that send mail (notifications). */
public interface AccountEmails {

    /** The account's e-mail address, or empty for someone who only signs in through Telegram. */
    Optional<String> emailOf(UUID accountId);
}
