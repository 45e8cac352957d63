package com.labelmint.notifications.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Tells Telegram where to deliver updates, which commands to list and that the menu button opens the Mini App, at
 * start-up when {@code register-webhook=true}. Only the update kinds the bot acts on are asked for: messages, button presses, and
 * the bot's own membership (how a block shows up before a send fails). A failure is logged, not fatal: the bot still
 * answers updates once Telegram reaches it, and the next start tries again.
 */
@ApplicationScoped
public class WebhookRegistration {

    private static final Logger LOG = Logger.getLogger(WebhookRegistration.class);
    static final List<String> ALLOWED_UPDATES = List.of("message", "callback_query", "my_chat_member");
    private static final List<String> COMMANDS = List.of("task", "balance", "withdraw", "stats", "language", "help");

    private final TelegramBotConfig config;
    private final BotApiClient api;
    private final BotTexts texts;
    private final ObjectMapper json;

    WebhookRegistration(TelegramBotConfig config, BotApiClient api, BotTexts texts, ObjectMapper json) {
        this.config = config;
        this.api = api;
        this.texts = texts;
        this.json = json;
    }

    void atStartup(@Observes StartupEvent startup) {
        if (config.registerWebhook()) {
            register();
        }
    }

    /** Calls setWebhook, setMyCommands (one list per language) and setChatMenuButton; false when something was not done. */
    public boolean register() {
        if (!api.configured() || config.publicUrl().isEmpty() || config.webhookSecret().filter(s -> !s.isBlank()).isEmpty()) {
            LOG.warn("labelmint.telegram.register-webhook is on, but bot-token, public-url or webhook-secret is missing: "
                    + "the webhook is not registered");
            return false;
        }
        String publicUrl = config.publicUrl().get().toString().replaceAll("/+$", "");
        ObjectNode webhook = json.createObjectNode()
                .put("url", publicUrl + "/telegram/webhook")
                .put("secret_token", config.webhookSecret().get());
        webhook.set("allowed_updates", json.valueToTree(ALLOWED_UPDATES));
        boolean done = succeeded("setWebhook", webhook);
        for (String language : BotTexts.LANGUAGES) {
            done &= succeeded("setMyCommands", commands(language));
        }
        if (config.menuButton()) {
            done &= succeeded("setChatMenuButton", miniAppMenuButton(publicUrl));
        }
        return done;
    }

    /**
     * The default menu button of every private chat with the bot (no chat_id). Telegram keeps one text for all
     * languages here, so it is the English one.
     */
    private ObjectNode miniAppMenuButton(String publicUrl) {
        ObjectNode button = json.createObjectNode()
                .put("type", "web_app")
                .put("text", texts.text(BotTexts.ENGLISH, "menu.button"));
        button.putObject("web_app").put("url", publicUrl + "/app");
        ObjectNode params = json.createObjectNode();
        params.set("menu_button", button);
        return params;
    }

    /** English is also the list for every language the bot does not speak (no language_code). */
    private ObjectNode commands(String language) {
        ArrayNode list = json.createArrayNode();
        for (String command : COMMANDS) {
            list.addObject().put("command", command).put("description", texts.text(language, "command." + command));
        }
        ObjectNode params = json.createObjectNode();
        params.set("commands", list);
        if (!language.equals(BotTexts.ENGLISH)) {
            params.put("language_code", language);
        }
        return params;
    }

    private boolean succeeded(String method, ObjectNode params) {
        BotApiResult result = api.call(method, params);
        if (!result.isSent()) {
            LOG.warnf("Telegram %s failed: %s", method, result.description());
        }
        return result.isSent();
    }
}
