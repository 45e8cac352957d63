package com.labelmint.auth.telegram;

import com.labelmint.auth.AuthService;
import com.labelmint.auth.token.TokenPair;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Sign-in through Telegram (Mini App or Login Widget), and linking Telegram to an account. */
@Path("/api/v1/auth/telegram")
@Produces(MediaType.APPLICATION_JSON)
public class TelegramAuthResource {

    private final AuthService auth;
    private final TelegramSignIn telegram;
    private final JsonWebToken token;

    TelegramAuthResource(AuthService auth, TelegramSignIn telegram, JsonWebToken token) {
        this.auth = auth;
        this.telegram = telegram;
        this.token = token;
    }

    public record InitDataRequest(@NotBlank @Size(max = 8192) String initData) {
    }

    @POST
    @Path("/webapp")
    @Consumes(MediaType.APPLICATION_JSON)
    public TokenPair webApp(@Valid @NotNull InitDataRequest request) {
        TelegramSignIn.MiniAppLaunch launch = telegram.verifyMiniAppLaunch(request.initData());
        return auth.telegramLogin(launch.user(), launch.referralCode());
    }

    /** The Login Widget's callback object as it is (id, first_name, …, auth_date, hash). */
    @POST
    @Path("/login-widget")
    @Consumes(MediaType.APPLICATION_JSON)
    public TokenPair loginWidget(@NotNull @NotEmpty @Size(max = 16) Map<String, String> fields) {
        return auth.telegramLogin(telegram.verifyLoginWidget(fields), Optional.empty());
    }

    @POST
    @Path("/link")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authenticated
    public Response link(@Valid @NotNull InitDataRequest request) {
        auth.linkTelegram(accountId(), telegram.verifyInitData(request.initData()));
        return Response.noContent().build();
    }

    @DELETE
    @Path("/link")
    @Authenticated
    public Response unlink() {
        auth.unlinkTelegram(accountId());
        return Response.noContent().build();
    }

    private UUID accountId() {
        return UUID.fromString(token.getSubject());
    }
}
