package com.labelmint.notifications.telegram;

import com.labelmint.platform.error.ProblemException;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** A signed-in web user asks for a one-time t.me link; opening it and pressing Start in Telegram links the two. */
@Path("/api/v1/users/me/telegram-link")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class TelegramLinkResource {

    private final LinkTokens tokens;
    private final TelegramBotConfig config;
    private final JsonWebToken token;

    TelegramLinkResource(LinkTokens tokens, TelegramBotConfig config, JsonWebToken token) {
        this.tokens = tokens;
        this.config = config;
        this.token = token;
    }

    public record TelegramLink(String link, Instant expiresAt) {
    }

    @POST
    public TelegramLink create() {
        String bot = config.botUsername().filter(name -> !name.isBlank()).orElseThrow(() -> new ProblemException(503,
                "telegram-not-configured", "Service unavailable", "The Telegram bot is not configured on this server"));
        LinkTokens.Issued issued = tokens.issue(UUID.fromString(token.getSubject()));
        return new TelegramLink("https://t.me/" + bot + "?start=" + issued.token(), issued.expiresAt());
    }
}
