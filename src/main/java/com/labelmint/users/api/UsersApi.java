package com.labelmint.users.api;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The users module's synchronous face. Calls join the caller's transaction. */
public interface UsersApi {

    /** Creates an account and publishes {@link UserRegistered}; must run inside a transaction. */
    AccountView create(NewAccount account);

    Optional<AccountView> find(UUID accountId);

    /** The tags of the skills the person has declared, at any level. */
    Set<String> skillTags(UUID accountId);

    /** The person's reputation as a labeler; the neutral score when nobody has measured them yet. */
    Reputation reputation(UUID accountId);

    /** Sets the language LabelMint speaks to the person ({@code en} or {@code ru}); joins the caller's transaction. */
    AccountView changeLanguage(UUID accountId, String language);
}
