package com.labelmint.projects.api;

import java.util.Optional;
import java.util.UUID;

/** The projects module's synchronous face. */
public interface ProjectsApi {

    Optional<ProjectView> find(UUID projectId);
}
