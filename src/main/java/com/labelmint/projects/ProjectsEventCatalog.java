package com.labelmint.projects;

import com.labelmint.platform.events.EventCatalog;
import com.labelmint.projects.api.ProjectChanged;
import com.labelmint.projects.api.ProjectStatusChanged;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class ProjectsEventCatalog implements EventCatalog {

    @Override
    public List<Entry> events() {
        return List.of(
                EventCatalog.event("projects.ProjectChanged", 1, ProjectChanged.class),
                EventCatalog.event("projects.ProjectStatusChanged", 1, ProjectStatusChanged.class));
    }
}
