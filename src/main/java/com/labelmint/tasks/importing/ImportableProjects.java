package com.labelmint.tasks.importing;

import com.labelmint.platform.error.ProblemException;
import com.labelmint.projects.api.ProjectStatus;
import com.labelmint.projects.api.ProjectView;
import com.labelmint.projects.api.ProjectsApi;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/** Which projects a caller may import into and read imports of: the ones they manage (admins: all). Others are 404. */
@ApplicationScoped
class ImportableProjects {

    private static final Set<ProjectStatus> ACCEPTING_ITEMS = EnumSet.of(ProjectStatus.DRAFT, ProjectStatus.ACTIVE, ProjectStatus.PAUSED);

    private final ProjectsApi projects;

    ImportableProjects(ProjectsApi projects) {
        this.projects = projects;
    }

    ProjectView managed(Importer importer, UUID projectId) {
        return projects.find(projectId).filter(project -> importer.admin() || project.managedBy(importer.accountId()))
                .orElseThrow(() -> ProblemException.notFound("Project " + projectId));
    }

    ProjectView acceptingItems(Importer importer, UUID projectId) {
        ProjectView project = managed(importer, projectId);
        if (!acceptsItems(project)) {
            throw ProblemException.conflict("project-closed", "A " + project.status().wireName()
                    + " project takes no more items: items go into draft, active or paused projects");
        }
        return project;
    }

    static boolean acceptsItems(ProjectView project) {
        return ACCEPTING_ITEMS.contains(project.status());
    }
}
