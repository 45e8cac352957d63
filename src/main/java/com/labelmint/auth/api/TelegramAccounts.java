package com.labelmint.auth.api;

import com.labelmint.users.api.AccountView;
import java.util.Optional;
import java.util.UUID;

/**
 * Telegram users as LabelMint accounts, for a caller that Telegram itself vouched to (the bot's webhook, checked by
 * its secret token). Calls join the caller's transaction.
 */
public interface TelegramAccounts {

    /**
     * The account linked to this Telegram user, created (a labeler) on their first visit, as Telegram sign-in does; on
     * that first visit the owner of {@code referralCode}, if any, is recorded as having brought them.
     */
    AccountView accountFor(TelegramProfile user, Optional<String> referralCode);

    /**
     * Links the Telegram user to an existing account.
     *
     * @throws com.labelmint.platform.error.ProblemException 409 when either side is already linked elsewhere
     */
    void link(UUID accountId, TelegramProfile user);

    /** The Telegram user linked to the account, if any: their private chat with the bot has the same id. */
    Optional<Long> telegramUserOf(UUID accountId);
}
