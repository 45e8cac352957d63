package com.labelmint.tasks.project;

import com.labelmint.platform.error.ProblemException;
import com.labelmint.projects.api.ProjectStatus;
import com.labelmint.projects.api.ProjectView;
import com.labelmint.projects.api.ProjectsApi;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The projects a caller may load data into or read data out of: those they manage, or any for an admin.
 * Everyone else is told the project does not exist.
 */
@ApplicationScoped
public class ManagedProjects {

    /** Data can be added while a project can still be labeled. */
    public static final Set<ProjectStatus> ACCEPTING_DATA = EnumSet.of(ProjectStatus.DRAFT, ProjectStatus.ACTIVE, ProjectStatus.PAUSED);

    private final ProjectsApi projects;

    ManagedProjects(ProjectsApi projects) {
        this.projects = projects;
    }

    public ProjectView managedBy(JsonWebToken caller, UUID projectId) {
        UUID accountId = UUID.fromString(caller.getSubject());
        boolean admin = caller.getGroups().contains("admin");
        return projects.find(projectId).filter(project -> admin || project.managedBy(accountId))
                .orElseThrow(() -> ProblemException.notFound("Project " + projectId));
    }

    /** A managed project that still takes new data; a closed one is a 409. */
    public ProjectView acceptingData(JsonWebToken caller, UUID projectId) {
        ProjectView project = managedBy(caller, projectId);
        if (!ACCEPTING_DATA.contains(project.status())) {
            throw ProblemException.conflict("project-closed", "A " + project.status().wireName() + " project takes no new data");
        }
        return project;
    }
}
