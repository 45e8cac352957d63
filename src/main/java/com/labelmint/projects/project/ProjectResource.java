package com.labelmint.projects.project;

import com.labelmint.platform.error.ProblemException;
import com.labelmint.platform.paging.Page;
import com.labelmint.projects.api.LabelSchema;
import com.labelmint.projects.api.ProjectMembers;
import com.labelmint.projects.api.ProjectProgress;
import com.labelmint.projects.api.ProjectStatus;
import com.labelmint.projects.api.ProjectView;
import com.labelmint.projects.progress.ProgressCounters;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.sql.SQLException;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Clients create and run their projects; reviewers read the ones they review; admins see all. */
@Path("/api/v1/projects")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"client", "reviewer", "admin"})
public class ProjectResource {

    private final ProjectService projects;
    private final ProjectMembership membership;
    private final ProgressCounters progress;
    private final JsonWebToken token;

    ProjectResource(ProjectService projects, ProjectMembership membership, ProgressCounters progress, JsonWebToken token) {
        this.projects = projects;
        this.membership = membership;
        this.progress = progress;
        this.token = token;
    }

    public record NewProject(@NotBlank @Size(max = 200) String name, @Size(max = 5000) String description,
                             @NotNull LabelSchema schema, @Size(max = 50_000) String instructions,
                             @Valid SettingsInput settings) {
    }

    public record ProjectPatch(@Size(min = 1, max = 200) @Pattern(regexp = "(?s).*\\S.*") String name,
                               @Size(max = 5000) String description, LabelSchema schema,
                               @Size(max = 50_000) String instructions, @Valid SettingsInput settings) {
    }

    public record StatusChange(@NotNull ProjectStatus status) {
    }

    public record MembersRequest(@NotNull @Size(max = 50) Set<@NotNull UUID> coOwners,
                                 @NotNull @Size(max = 200) Set<@NotNull UUID> reviewers,
                                 @NotNull ProjectMembers.LabelerAccess labelerAccess,
                                 @NotNull @Size(max = 10_000) Set<@NotNull UUID> allowedLabelers) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("client")
    public Response create(@Valid @NotNull NewProject request) {
        ProjectView project = projects.create(caller(), new ProjectService.Draft(request.name(), request.description(),
                request.schema(), request.instructions(), request.settings()));
        return Response.created(URI.create("/api/v1/projects/" + project.id())).entity(project).build();
    }

    @GET
    public Page<ProjectView> list(@QueryParam("status") String status,
                                  @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit,
                                  @QueryParam("after") @Size(max = 200) String after) {
        return projects.list(caller(), status == null ? null : knownStatus(status), after, limit);
    }

    @GET
    @Path("/{projectId}")
    public ProjectView find(@PathParam("projectId") UUID projectId) {
        return projects.visible(caller(), projectId);
    }

    @GET
    @Path("/{projectId}/progress")
    public ProjectProgress progress(@PathParam("projectId") UUID projectId) throws SQLException {
        ProjectView project = projects.visible(caller(), projectId);
        return progress.read(projectId).orElseGet(() -> new ProjectProgress(projectId, 0, 0, 0, 0, 0, project.createdAt()));
    }

    @PATCH
    @Path("/{projectId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"client", "admin"})
    public ProjectView update(@PathParam("projectId") UUID projectId, @Valid @NotNull ProjectPatch patch) {
        return projects.update(caller(), projectId, new ProjectService.Patch(patch.name(), patch.description(),
                patch.schema(), patch.instructions(), patch.settings()));
    }

    @PUT
    @Path("/{projectId}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"client", "admin"})
    public ProjectView changeStatus(@PathParam("projectId") UUID projectId, @Valid @NotNull StatusChange change) {
        return projects.moveTo(caller(), projectId, change.status());
    }

    @PUT
    @Path("/{projectId}/members")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"client", "admin"})
    public ProjectView replaceMembers(@PathParam("projectId") UUID projectId, @Valid @NotNull MembersRequest request) {
        return membership.replace(caller(), projectId, new ProjectMembers(request.coOwners(), request.reviewers(),
                request.labelerAccess(), request.allowedLabelers()));
    }

    @DELETE
    @Path("/{projectId}")
    @RolesAllowed({"client", "admin"})
    public Response delete(@PathParam("projectId") UUID projectId) {
        projects.delete(caller(), projectId);
        return Response.noContent().build();
    }

    private Caller caller() {
        return new Caller(UUID.fromString(token.getSubject()), token.getGroups().contains("admin"));
    }

    private static ProjectStatus knownStatus(String status) {
        try {
            return ProjectStatus.fromWireName(status);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("bad-filter", e.getMessage());
        }
    }
}
