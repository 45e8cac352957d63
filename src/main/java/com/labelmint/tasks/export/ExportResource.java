package com.labelmint.tasks.export;

import com.labelmint.platform.error.ProblemException;
import com.labelmint.projects.api.LabelSpec;
import com.labelmint.projects.api.ProjectView;
import com.labelmint.tasks.project.ManagedProjects;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** A project's labels out, for its managers: streamed in the format asked for, with every answer if asked. */
@Path("/api/v1/projects/{projectId}/export")
@RolesAllowed({"client", "admin"})
public class ExportResource {

    private final ManagedProjects projects;
    private final List<ExportWriter> writers;
    private final JsonWebToken caller;

    ExportResource(ManagedProjects projects, Instance<ExportWriter> writers, JsonWebToken caller) {
        this.projects = projects;
        this.writers = writers.stream().toList();
        this.caller = caller;
    }

    @GET
    public Response export(@PathParam("projectId") UUID projectId, @QueryParam("format") @DefaultValue("jsonl") String format,
                           @QueryParam("answers") @DefaultValue("false") boolean answers) {
        ProjectView project = projects.managedBy(caller, projectId);
        ExportWriter writer = writerFor(format, project);
        StreamingOutput body = out -> writer.write(project, answers, out);
        return Response.ok(body, writer.format().mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"project-" + projectId + "." + writer.format().fileExtension() + "\"")
                .build();
    }

    private ExportWriter writerFor(String format, ProjectView project) {
        ExportWriter writer = writers.stream().filter(candidate -> candidate.format().wireName().equals(format)).findFirst()
                .orElseThrow(() -> ProblemException.badRequest("unknown-export-format", "Unknown export format '" + format
                        + "': expected one of " + Arrays.stream(ExportFormat.values()).map(ExportFormat::wireName).toList()));
        if (writer.format().boxesOnly() && !(project.schema().label() instanceof LabelSpec.BoundingBoxes)) {
            throw ProblemException.badRequest("export-format-needs-boxes",
                    writer.format().wireName() + " describes bounding boxes; this project's label is " + project.schema().label().getClass().getSimpleName());
        }
        return writer;
    }
}
