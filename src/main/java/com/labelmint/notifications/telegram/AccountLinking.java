package com.labelmint.notifications.telegram;

import com.labelmint.auth.api.TelegramAccounts;
import com.labelmint.platform.error.ProblemException;
import com.labelmint.users.api.AccountView;
import com.labelmint.users.api.UsersApi;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code /start <token>}: links the Telegram user to the web account the token was issued to. Token and link commit
 * together or not at all, in a transaction of their own: a link refused because either side is linked elsewhere
 * leaves the token unused and the reply to the user still goes out.
 */
@ApplicationScoped
public class AccountLinking {

    private final LinkTokens tokens;
    private final TelegramAccounts accounts;
    private final UsersApi users;
    private final BotCalls calls;
    private final BotTexts texts;

    AccountLinking(LinkTokens tokens, TelegramAccounts accounts, UsersApi users, BotCalls calls, BotTexts texts) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.users = users;
        this.calls = calls;
        this.texts = texts;
    }

    public void link(Incoming.Message message, String token) {
        String language = BotTexts.languageOf(message.from());
        Optional<UUID> linked;
        try {
            linked = QuarkusTransaction.requiringNew().call(() -> {
                Optional<UUID> account = tokens.use(token);
                account.ifPresent(id -> accounts.link(id, message.from()));
                return account;
            });
        } catch (ProblemException refused) {
            boolean elsewhere = refused.problem().type().endsWith(":telegram-linked-elsewhere");
            calls.sendMessage(message.chatId(), texts.text(language, elsewhere ? "link.elsewhere" : "link.taken"), null);
            return;
        }
        Optional<AccountView> account = linked.flatMap(users::find);
        if (account.isEmpty()) {
            calls.sendMessage(message.chatId(), texts.text(language, "link.invalid"), null);
            return;
        }
        calls.sendMessage(message.chatId(), texts.text(BotTexts.languageOf(account.get()), "linked", account.get().displayName()), null);
    }
}
