package com.labelmint.auth.mfa;

import io.quarkus.security.Authenticated;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Turning on TOTP: enrol (secret and otpauth URI), then confirm with a first code. */
@Path("/api/v1/auth/mfa/totp")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class MfaResource {

    private final TotpService totp;
    private final JsonWebToken token;

    MfaResource(TotpService totp, JsonWebToken token) {
        this.totp = totp;
        this.token = token;
    }

    public record ConfirmRequest(@NotNull @Pattern(regexp = "\\d{6}") String code) {
    }

    public record RecoveryCodes(List<String> recoveryCodes) {
    }

    @POST
    @Path("/enroll")
    @Transactional
    public TotpService.Enrollment enroll() {
        return totp.enroll(accountId(), "LabelMint:" + token.getSubject());
    }

    @POST
    @Path("/confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public RecoveryCodes confirm(@Valid @NotNull ConfirmRequest request) {
        return new RecoveryCodes(totp.confirm(accountId(), request.code()));
    }

    private UUID accountId() {
        return UUID.fromString(token.getSubject());
    }
}
