package com.labelmint.users.api;

import com.labelmint.platform.paging.Page;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The users module's synchronous face. Calls join the caller's transaction. */
public interface UsersApi {

    /** Creates an account and publishes {@link UserRegistered}; must run inside a transaction. */
    AccountView create(NewAccount account);

    Optional<AccountView> find(UUID accountId);

    /** The person's ban, if one runs now, and the tags of the skills they declared; empty for an unknown account. */
    Optional<LabelerStanding> labelerStanding(UUID accountId);

    /** The person's reputation as a labeler; the neutral score when nobody has measured them yet. */
    Reputation reputation(UUID accountId);

    /** Sets the language LabelMint speaks to the person ({@code en} or {@code ru}); joins the caller's transaction. */
    AccountView changeLanguage(UUID accountId, String language);

    /**
     * Accounts matching a fragment of the display name or Telegram username (or an exact id), of a role and ban
     * state when given; newest first, {@code after} being the previous page's cursor.
     */
    Page<AccountView> search(String text, Role role, Boolean banned, String after, int limit);

    /** Newest first; {@code before} is the previous page's cursor. */
    Page<ReputationMove> reputationHistory(UUID accountId, String before, int limit);

    /** Gives the account exactly these roles, as {@code admin} decided; publishes {@link RolesChanged} on a change. */
    AccountView setRoles(UUID accountId, Set<Role> roles, UUID admin);

    /** Bans the account until {@code until}; publishes {@link UserBanned}. */
    AccountView ban(UUID accountId, String reason, Instant until, UUID admin);

    /** Lifts a ban; publishes {@link UserUnbanned}. */
    AccountView unban(UUID accountId, UUID admin);

    /**
     * Records that the owner of a referral code brought an account that the caller's transaction has just created;
     * nothing when the code is nobody's or the account's own, or the account has a referrer already.
     *
     * @return whether the referral was recorded
     */
    boolean recordReferral(UUID newAccountId, String referralCode);
}
