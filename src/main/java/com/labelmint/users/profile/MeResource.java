package com.labelmint.users.profile;

import com.labelmint.platform.error.ProblemException;
import com.labelmint.users.api.AccountView;
import com.labelmint.users.api.UsersApi;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The signed-in person's own account, profile and skills. */
@Path("/api/v1/users/me")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class MeResource {

    private final UsersApi users;
    private final ProfileService profiles;
    private final JsonWebToken token;

    MeResource(UsersApi users, ProfileService profiles, JsonWebToken token) {
        this.users = users;
        this.profiles = profiles;
        this.token = token;
    }

    public record ProfileUpdate(@Size(min = 1, max = 100) @Pattern(regexp = ".*\\S.*") String displayName,
                                @Size(max = 8) String language, @Size(max = 64) String timezone) {
    }

    public record SkillRequest(@NotNull @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,39}") String tag,
                               @Min(1) @Max(5) int level) {
    }

    @GET
    public AccountView me() {
        return users.find(accountId()).orElseThrow(() -> ProblemException.notFound("The signed-in account"));
    }

    @PATCH
    @Consumes(MediaType.APPLICATION_JSON)
    public AccountView update(@Valid @NotNull ProfileUpdate update) {
        return profiles.update(accountId(), update.displayName(), update.language(), update.timezone());
    }

    @GET
    @Path("/skills")
    public List<ProfileService.SkillLevel> skills() {
        return profiles.skills(accountId());
    }

    @PUT
    @Path("/skills")
    @Consumes(MediaType.APPLICATION_JSON)
    public List<ProfileService.SkillLevel> replaceSkills(@Valid @NotNull @Size(max = 50) List<@Valid @NotNull SkillRequest> skills) {
        Map<String, Integer> levels = new LinkedHashMap<>();
        for (SkillRequest skill : skills) {
            if (levels.put(skill.tag(), skill.level()) != null) {
                throw ProblemException.badRequest("duplicate-skill", "Skill '" + skill.tag() + "' is listed twice");
            }
        }
        return profiles.replaceSkills(accountId(), levels);
    }

    private UUID accountId() {
        return UUID.fromString(token.getSubject());
    }
}
