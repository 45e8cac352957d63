package com.labelmint.tasks.importing;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** {@code GET /api/v1/imports/{jobId}}: an import's status, progress, counts and line errors, for the project's managers. */
@Path("/api/v1/imports")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"client", "admin"})
public class ImportJobResource {

    private final Imports imports;
    private final JsonWebToken token;

    ImportJobResource(Imports imports, JsonWebToken token) {
        this.imports = imports;
        this.token = token;
    }

    @GET
    @Path("/{jobId}")
    public ImportJob find(@PathParam("jobId") UUID jobId) {
        return imports.visible(token, jobId);
    }
}
