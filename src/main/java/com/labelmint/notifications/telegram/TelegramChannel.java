package com.labelmint.notifications.telegram;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.labelmint.auth.api.TelegramAccounts;
import com.labelmint.notifications.delivery.ChannelKind;
import com.labelmint.notifications.delivery.NotificationChannel;
import com.labelmint.notifications.delivery.OutgoingNotification;
import com.labelmint.notifications.notice.NotificationTexts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/**
 * Notifications as bot messages, to people whose account is linked to Telegram and who have opened a chat with the
 * bot. The message joins the bot's outgoing queue (paced per chat, 429 and 403 handled there) once per delivery,
 * so a retried delivery never sends it twice.
 */
@ApplicationScoped
class TelegramChannel implements NotificationChannel {

    private final TelegramAccounts accounts;
    private final TelegramChats chats;
    private final OutgoingMessages outgoing;
    private final NotificationTexts texts;

    TelegramChannel(TelegramAccounts accounts, TelegramChats chats, OutgoingMessages outgoing, NotificationTexts texts) {
        this.accounts = accounts;
        this.chats = chats;
        this.outgoing = outgoing;
        this.texts = texts;
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.TELEGRAM;
    }

    @Override
    public boolean reaches(UUID userId) {
        return chatOf(userId).filter(chats::open).isPresent();
    }

    @Override
    public void deliver(OutgoingNotification notification) {
        long chat = chatOf(notification.userId())
                .orElseThrow(() -> new IllegalStateException("The person's account is no longer linked to Telegram"));
        NotificationTexts.Rendered rendered = texts.render(notification.kind(), notification.language(), notification.params());
        ObjectNode message = JsonNodeFactory.instance.objectNode().put("chat_id", chat)
                .put("text", rendered.subject() + "\n\n" + rendered.text().strip());
        QuarkusTransaction.requiringNew().run(() -> outgoing.notice(chat, message, notification.deliveryId()));
    }

    /** A private chat with the bot has the Telegram user's id. */
    private Optional<Long> chatOf(UUID userId) {
        return QuarkusTransaction.joiningExisting().call(() -> accounts.telegramUserOf(userId));
    }
}
