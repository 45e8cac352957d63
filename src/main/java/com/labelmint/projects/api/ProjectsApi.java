package com.labelmint.projects.api;

import com.labelmint.platform.money.Money;
import com.labelmint.platform.paging.Page;
import java.util.Optional;
import java.util.UUID;

/** The projects module's synchronous face. */
public interface ProjectsApi {

    Optional<ProjectView> find(UUID projectId);

    /** What an answer in the project earns now (its settings' reward per answer); empty when there is no such project. */
    Optional<Money> rewardPerAnswer(UUID projectId);

    /** Every project, of a status when given, newest first; {@code after} is the previous page's cursor. */
    Page<ProjectView> all(ProjectStatus status, String after, int limit);

    /** How far the project has come; empty before anything was imported. */
    Optional<ProjectProgress> progress(UUID projectId);
}
