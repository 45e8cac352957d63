package com.labelmint.notifications.telegram;

import com.labelmint.auth.api.TelegramAccounts;
import com.labelmint.auth.api.TelegramProfile;
import com.labelmint.users.api.AccountView;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * The account of whoever writes to the bot, created on their first message. It commits at once, in a transaction of
 * its own: the tasks module, called in transactions of their own too, must see the account; and a handling that fails
 * later finds the same account when it is retried.
 */
@ApplicationScoped
public class BotAccounts {

    private final TelegramAccounts accounts;

    BotAccounts(TelegramAccounts accounts) {
        this.accounts = accounts;
    }

    public AccountView of(TelegramProfile user) {
        return arrivingThrough(user, Optional.empty());
    }

    /**
     * As {@link #of}, and on the Telegram user's first visit, records whose referral link brought them (the users module
     * checks the code). In the transaction that creates the account, so a handling retried after it committed finds an
     * account that is no longer new and records nothing twice, and one that failed before records nothing at all.
     */
    public AccountView arrivingThrough(TelegramProfile user, Optional<String> referralCode) {
        return QuarkusTransaction.requiringNew().call(() -> accounts.accountFor(user, referralCode));
    }
}
