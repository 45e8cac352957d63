package com.labelmint.notifications.telegram;

import com.labelmint.users.api.AccountView;
import com.labelmint.users.api.UsersApi;
import jakarta.enterprise.context.ApplicationScoped;

/** A press on a /language button: the sender's own profile takes the language, and the message says so in it. */
@ApplicationScoped
public class LanguageChoice {

    private final BotAccounts accounts;
    private final UsersApi users;
    private final BotCalls calls;
    private final BotTexts texts;

    LanguageChoice(BotAccounts accounts, UsersApi users, BotCalls calls, BotTexts texts) {
        this.accounts = accounts;
        this.users = users;
        this.calls = calls;
        this.texts = texts;
    }

    public void choose(Incoming.Callback callback, String language) {
        AccountView account = accounts.of(callback.from());
        users.changeLanguage(account.id(), language);
        calls.answerCallbackQuery(callback.chatId(), callback.id(), null);
        calls.editMessageText(callback.chatId(), callback.messageId(), texts.text(language, "language.set"), calls.keyboard());
    }
}
