package com.labelmint.notifications.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.labelmint.platform.error.ProblemException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.security.MessageDigest;

/**
 * Where Telegram delivers updates. Telegram signs nothing: the secret token it was given in setWebhook, sent back in
 * a header, is the only proof, so it is checked before the body is even read. The update is stored and acknowledged
 * at once; it is handled after commit (see {@link UpdateHandler}).
 *
 * <p>A body that is not an update is answered 400 rather than 200: Telegram gives up on an update after a few
 * failed deliveries, and nothing sent by a party holding the secret should be malformed, so a 400 that shows up in
 * getWebhookInfo's last_error_message is worth more than silently swallowing it.
 */
@Path("/telegram/webhook")
public class WebhookResource {

    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

    private final TelegramBotConfig config;
    private final UpdateInbox inbox;
    private final ObjectMapper json;

    WebhookResource(TelegramBotConfig config, UpdateInbox inbox, ObjectMapper json) {
        this.config = config;
        this.inbox = inbox;
        this.json = json;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response receive(@HeaderParam(SECRET_HEADER) String secret, String body) {
        if (!secretMatches(secret)) {
            throw new ProblemException(401, "telegram-webhook-refused", "Unauthorized",
                    "The " + SECRET_HEADER + " header is missing or wrong");
        }
        JsonNode update = parse(body);
        inbox.store(update.get("update_id").asLong(), update);
        return Response.ok().build();
    }

    private JsonNode parse(String body) {
        JsonNode update;
        try {
            update = body == null ? null : json.readTree(body);
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest("malformed-update", "The body is not JSON: " + e.getOriginalMessage());
        }
        JsonNode id = update == null || !update.isObject() ? null : update.get("update_id");
        if (id == null || !id.isIntegralNumber() || !id.canConvertToLong() || id.asLong() < 0) {
            throw ProblemException.badRequest("malformed-update", "A Telegram update is a JSON object with a non-negative integer update_id");
        }
        return update;
    }

    /** Compared as digests, in constant time: neither the content nor the length of the secret leaks through timing. */
    private boolean secretMatches(String given) {
        String expected = config.webhookSecret().filter(value -> !value.isBlank()).orElse(null);
        if (expected == null || given == null) {
            return false;
        }
        return MessageDigest.isEqual(Sha256.of(expected), Sha256.of(given));
    }
}
