package com.labelmint.admin.projects;

import com.labelmint.admin.web.Chrome;
import com.labelmint.admin.web.ConsoleProblems;
import com.labelmint.admin.web.Filters;
import com.labelmint.admin.web.Pages;
import com.labelmint.admin.web.Visitor;
import com.labelmint.consensus.api.ConsensusApi;
import com.labelmint.platform.error.ProblemException;
import com.labelmint.platform.paging.Page;
import com.labelmint.projects.api.ProjectStatus;
import com.labelmint.projects.api.ProjectView;
import com.labelmint.projects.api.ProjectsApi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/** Projects: every project by status, and one with its progress, label distribution, agreement and least sure items. */
@Path("/admin/projects")
@Produces(MediaType.TEXT_HTML)
public class ProjectsConsole {

    private static final int PAGE_SIZE = 25;
    private static final int LEAST_SURE = 20;

    private final ProjectsApi projects;
    private final ConsensusApi consensus;
    private final Visitor visitor;

    ProjectsConsole(ProjectsApi projects, ConsensusApi consensus, Visitor visitor) {
        this.projects = projects;
        this.consensus = consensus;
        this.visitor = visitor;
    }

    @GET
    public Response list(@QueryParam("status") String status, @QueryParam("after") String after) {
        return ConsoleProblems.attempt(visitor, () -> {
            Filters filters = new Filters().with("status", status);
            Page<ProjectView> page = projects.all(status(status), after, PAGE_SIZE);
            return Response.ok(Pages.projects(Chrome.of(visitor), filters, page,
                    filters.nextPage("/admin/projects", "after", page.next())).render()).build();
        });
    }

    @GET
    @Path("/{projectId}")
    public Response project(@PathParam("projectId") UUID projectId) {
        return ConsoleProblems.attempt(visitor, () -> {
            ProjectView project = projects.find(projectId).orElseThrow(() -> ProblemException.notFound("Project " + projectId));
            return Response.ok(Pages.project(Chrome.of(visitor), project, projects.progress(projectId).orElse(null),
                    consensus.projectQuality(projectId, LEAST_SURE)).render()).build();
        });
    }

    private static ProjectStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return ProjectStatus.fromWireName(status.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("bad-filter", "status is draft, active, paused, completed or archived, not '" + status + "'");
        }
    }
}
