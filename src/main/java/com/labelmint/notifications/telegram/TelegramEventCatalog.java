package com.labelmint.notifications.telegram;

import com.labelmint.notifications.api.TelegramUpdateReceived;
import com.labelmint.platform.events.EventCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The Telegram bot's events. */
@ApplicationScoped
public class TelegramEventCatalog implements EventCatalog {

    @Override
    public List<Entry> events() {
        return List.of(EventCatalog.event("notifications.TelegramUpdateReceived", 1, TelegramUpdateReceived.class));
    }
}
