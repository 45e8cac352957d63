package com.labelmint.auth;

import com.labelmint.auth.token.AccessTokenIssuer;
import com.labelmint.auth.token.TokenPair;
import com.labelmint.platform.ratelimit.ClientIpResolver;
import io.vertx.core.http.HttpServerRequest;
import com.labelmint.users.api.AccountView;
import com.labelmint.users.api.Role;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

@Path("/api/v1/auth")
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    private final AuthService auth;
    private final JsonWebToken token;
    private final ClientIpResolver clientAddresses;

    AuthResource(AuthService auth, JsonWebToken token, ClientIpResolver clientAddresses) {
        this.auth = auth;
        this.token = token;
        this.clientAddresses = clientAddresses;
    }

    public record RegisterRequest(@NotBlank @Email @Size(max = 254) String email,
                                  @NotNull @Size(min = 10, max = 128) String password,
                                  @NotBlank @Size(max = 100) String displayName,
                                  @NotNull Role role) {
    }

    public record LoginRequest(@NotBlank @Size(max = 254) String email, @NotNull @Size(max = 128) String password,
                               @Pattern(regexp = "\\d{6}") String totpCode, @Size(max = 64) String recoveryCode) {
    }

    public record RefreshRequest(@NotBlank @Size(max = 100) String refreshToken) {
    }

    @POST
    @Path("/register")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(@Valid @NotNull RegisterRequest request) {
        AccountView account = auth.register(request.email(), request.password(), request.displayName(), request.role());
        return Response.created(URI.create("/api/v1/users/me")).entity(account).build();
    }

    @POST
    @Path("/login")
    @Consumes(MediaType.APPLICATION_JSON)
    public TokenPair login(@Valid @NotNull LoginRequest request, @Context HttpServerRequest http) {
        return auth.login(request.email(), request.password(), request.totpCode(), request.recoveryCode(),
                clientAddresses.resolve(http));
    }

    @POST
    @Path("/refresh")
    @Consumes(MediaType.APPLICATION_JSON)
    public TokenPair refresh(@Valid @NotNull RefreshRequest request) {
        return auth.refresh(request.refreshToken());
    }

    public record CredentialRequest(@NotBlank @Email @Size(max = 254) String email,
                                    @NotNull @Size(min = 10, max = 128) String password) {
    }

    /** An account that came through Telegram adds an e-mail and password as a second way in. */
    @POST
    @Path("/credentials")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authenticated
    public Response addCredential(@Valid @NotNull CredentialRequest request) {
        auth.addCredential(UUID.fromString(token.getSubject()), request.email(), request.password());
        return Response.status(Response.Status.CREATED).build();
    }

    @POST
    @Path("/logout")
    @Authenticated
    public Response logout() {
        auth.logout(UUID.fromString(token.getClaim(AccessTokenIssuer.SESSION_CLAIM)));
        return Response.noContent().build();
    }

    @POST
    @Path("/logout-all")
    @Authenticated
    public Response logoutAll() {
        auth.logoutEverywhere(UUID.fromString(token.getSubject()));
        return Response.noContent().build();
    }
}
