package com.labelmint.notifications.telegram;

import com.labelmint.auth.api.TelegramAccounts;
import com.labelmint.auth.api.TelegramProfile;
import com.labelmint.users.api.AccountView;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

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
        return QuarkusTransaction.requiringNew().call(() -> accounts.accountFor(user));
    }
}
