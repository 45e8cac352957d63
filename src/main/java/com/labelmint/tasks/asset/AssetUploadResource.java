package com.labelmint.tasks.asset;

import com.labelmint.tasks.project.ManagedProjects;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A project's managers ask for upload links, upload the files straight to storage, then import items that
 * name them ({@code "image": "asset:images/cat-001.jpg"}).
 */
@Path("/api/v1/projects/{projectId}/assets/uploads")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"client", "admin"})
public class AssetUploadResource {

    private final ManagedProjects projects;
    private final AssetUploads uploads;
    private final JsonWebToken token;

    AssetUploadResource(ManagedProjects projects, AssetUploads uploads, JsonWebToken token) {
        this.projects = projects;
        this.uploads = uploads;
        this.token = token;
    }

    public record UploadsRequest(@NotNull List<UploadRequest> files) {
    }

    public record UploadsResponse(List<PreparedUpload> uploads) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public UploadsResponse prepare(@PathParam("projectId") UUID projectId, @NotNull UploadsRequest request) {
        projects.acceptingData(token, projectId);
        return new UploadsResponse(uploads.prepare(projectId, request.files()));
    }
}
