package com.labelmint.notifications.telegram;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.labelmint.payments.api.Balance;
import com.labelmint.payments.api.PaymentsApi;
import com.labelmint.tasks.api.LabelerActivity;
import com.labelmint.tasks.api.TasksApi;
import com.labelmint.users.api.AccountView;
import com.labelmint.users.api.ReferralStart;
import com.labelmint.users.api.UsersApi;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Messages in a private chat: the commands, and a hint for anything else. Whoever writes is a LabelMint account from
 * then on (created on the first message, as Telegram sign-in does), except for {@code /start <link token>}, which
 * links the Telegram user to the web account that asked for the token instead. {@code /start ref_<code>} (a
 * referral link) records, on a first visit, whose link brought them.
 */
@ApplicationScoped
public class BotCommands {

    /** What a link token looks like. */
    private static final String LINK_TOKEN = "[A-Za-z0-9_-]{43}";

    private final BotAccounts accounts;
    private final UsersApi users;
    private final TasksApi tasks;
    private final PaymentsApi payments;
    private final ChatLabeling labeling;
    private final AccountLinking linking;
    private final TelegramChats chats;
    private final BotCalls calls;
    private final BotTexts texts;
    private final TelegramBotConfig config;

    BotCommands(BotAccounts accounts, UsersApi users, TasksApi tasks, PaymentsApi payments, ChatLabeling labeling,
                AccountLinking linking, TelegramChats chats, BotCalls calls, BotTexts texts, TelegramBotConfig config) {
        this.accounts = accounts;
        this.users = users;
        this.tasks = tasks;
        this.payments = payments;
        this.labeling = labeling;
        this.linking = linking;
        this.chats = chats;
        this.calls = calls;
        this.texts = texts;
        this.config = config;
    }

    public void handle(Incoming.Message message) {
        if (!message.privateChat()) {
            return; // the bot labels with one person at a time; groups it was added to are not served
        }
        chats.reachable(message.chatId());
        String text = message.text() == null ? "" : message.text().strip();
        if (!text.startsWith("/")) {
            calls.sendMessage(message.chatId(), texts.text(BotTexts.languageOf(message.from()), "text.only"), null);
            return;
        }
        String[] parts = text.split("\\s+", 2);
        String command = parts[0].substring(1).split("@", 2)[0].toLowerCase(Locale.ROOT);
        String argument = parts.length > 1 ? parts[1].trim() : "";
        if (command.equals("start") && argument.matches(LINK_TOKEN)) {
            linking.link(message, argument);
            return;
        }
        Optional<String> referralCode = command.equals("start") ? ReferralStart.codeIn(argument) : Optional.empty();
        AccountView account = accounts.arrivingThrough(message.from(), referralCode);
        String language = BotTexts.languageOf(account);
        long chatId = message.chatId();
        switch (command) {
            case "start":
                calls.sendMessage(chatId, texts.text(language, "welcome", account.displayName()), null);
                break;
            case "task":
                labeling.offer(account, chatId, message.from().id());
                break;
            case "balance":
                calls.sendMessage(chatId, balance(account, language), null);
                break;
            case "withdraw":
                calls.sendMessage(chatId, texts.text(language, "withdraw"), miniAppButton(language));
                break;
            case "stats":
                LabelerActivity activity = tasks.activity(account.id());
                String reputation = String.format(Locale.ROOT, "%.2f", users.reputation(account.id()).score());
                calls.sendMessage(chatId, texts.text(language, "stats", activity.answers(), activity.answersToday(), reputation), null);
                break;
            case "language":
                ArrayNode choices = calls.keyboard();
                choices.addArray().add(calls.callbackButton("English", CallbackData.languageButton("en")))
                        .add(calls.callbackButton("Русский", CallbackData.languageButton("ru")));
                calls.sendMessage(chatId, texts.text(language, "language.choose"), choices);
                break;
            default:
                calls.sendMessage(chatId, texts.text(language, "help"), null);
        }
    }

    private String balance(AccountView account, String language) {
        List<Balance> balances = payments.balances(account.id());
        if (balances.isEmpty()) {
            return texts.text(language, "balance.empty");
        }
        return texts.text(language, "balance", balances.stream().map(balance -> texts.text(language, "balance.line",
                balance.available().amount(), balance.available().currency(), balance.incoming().amount(), balance.held().amount()))
                .collect(Collectors.joining("\n")));
    }

    /** The Mini App, where wallets are connected and withdrawals made, when this server knows its public address. */
    private ArrayNode miniAppButton(String language) {
        ArrayNode keyboard = calls.keyboard();
        config.publicUrl().ifPresent(url -> keyboard.addArray()
                .add(calls.urlButton(texts.text(language, "withdraw.open"), url.toString().replaceAll("/+$", "") + "/app")));
        return keyboard;
    }
}
