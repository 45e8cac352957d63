package com.labelmint.tasks.importing;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * {@code POST /api/v1/projects/{projectId}/items:import}: a project's managers load items in bulk, as JSON Lines
 * or CSV. The body is read as a stream (no {@code @Consumes}: the format is judged after the caller is known to
 * manage the project, so strangers get 404 whatever they send). Answers 202 and the job, or 200 when the job has
 * finished by the time of the answer ({@code ?wait=<seconds>}, or a repeated request).
 */
@Path("/api/v1/projects/{projectId}/items:import")
@RolesAllowed({"client", "admin"})
public class ItemImportResource {

    private final Imports imports;
    private final JsonWebToken token;

    ItemImportResource(Imports imports, JsonWebToken token) {
        this.imports = imports;
        this.token = token;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response importItems(@PathParam("projectId") UUID projectId,
                                @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                                @HeaderParam("Idempotency-Key") String idempotencyKey,
                                @QueryParam("atomic") String atomic,
                                @QueryParam("wait") String waitSeconds,
                                InputStream body) {
        Imports.Started started = imports.start(token, projectId,
                new Imports.RawOptions(contentType, atomic, idempotencyKey, waitSeconds), body);
        ImportJob job = started.job();
        Response.ResponseBuilder response = Response.status(job.status().finished() ? 200 : 202)
                .location(URI.create("/api/v1/imports/" + job.id()))
                .entity(job);
        if (started.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.build();
    }
}
