package com.labelmint.notifications.follow;

import com.labelmint.projects.api.ProjectStatus;
import com.labelmint.projects.api.ProjectStatusChanged;
import com.labelmint.projects.api.ProjectView;
import com.labelmint.projects.api.ProjectsApi;
import com.labelmint.tasks.api.ItemsImported;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.SQLException;
import java.util.Optional;

/** New tasks in a followed project: items imported into an active project, or a project becoming active. */
@ApplicationScoped
class FollowEvents {

    private final TaskDigests digests;
    private final ProjectsApi projects;

    FollowEvents(TaskDigests digests, ProjectsApi projects) {
        this.digests = digests;
        this.projects = projects;
    }

    void on(@Observes ItemsImported imported) throws SQLException {
        Optional<ProjectView> project = projects.find(imported.projectId());
        if (imported.items() > 0 && project.isPresent() && project.get().status() == ProjectStatus.ACTIVE) {
            digests.add(imported.projectId(), project.get().name(), imported.items());
        }
    }

    void on(@Observes ProjectStatusChanged changed) throws SQLException {
        if (changed.to() == ProjectStatus.ACTIVE) {
            Optional<ProjectView> project = projects.find(changed.projectId());
            if (project.isPresent()) {
                digests.add(changed.projectId(), project.get().name(), 0);
            }
        }
    }
}
