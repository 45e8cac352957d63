package com.labelmint.users.profile;

import com.labelmint.platform.error.ProblemException;
import com.labelmint.users.api.AccountView;
import com.labelmint.users.api.UsersApi;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

@Path("/api/v1/users/me")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class MeResource {

    private final UsersApi users;
    private final JsonWebToken token;

    MeResource(UsersApi users, JsonWebToken token) {
        this.users = users;
        this.token = token;
    }

    @GET
    public AccountView me() {
        return users.find(UUID.fromString(token.getSubject()))
                .orElseThrow(() -> ProblemException.notFound("The signed-in account"));
    }
}
