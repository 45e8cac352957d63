package com.labelmint.projects.project;

import com.labelmint.platform.error.Problem;
import com.labelmint.platform.error.ProblemException;
import com.labelmint.platform.events.EventPublisher;
import com.labelmint.platform.money.Money;
import com.labelmint.platform.paging.NewestFirstCursor;
import com.labelmint.platform.paging.Page;
import com.labelmint.projects.api.LabelSchema;
import com.labelmint.projects.api.ProjectChanged;
import com.labelmint.projects.api.ProjectProgress;
import com.labelmint.projects.api.ProjectSettings;
import com.labelmint.projects.api.ProjectStatus;
import com.labelmint.projects.api.ProjectStatusChanged;
import com.labelmint.projects.api.ProjectView;
import com.labelmint.projects.api.ProjectsApi;
import com.labelmint.projects.progress.ProgressCounters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Creates, edits and steers projects. Every change bumps the project's version and publishes the whole
 * project ({@link ProjectChanged}), so other modules keep exact copies.
 *
 * <p>Someone else's project answers 404, never 403: its existence is nobody else's business.
 */
@ApplicationScoped
public class ProjectService implements ProjectsApi {

    /** Once labelers work under a schema, overlap and reward, changing them would change the deal under their feet. */
    private static final Set<ProjectStatus> TERMS_EDITABLE = EnumSet.of(ProjectStatus.DRAFT);
    private static final Set<ProjectStatus> EDITABLE = EnumSet.of(ProjectStatus.DRAFT, ProjectStatus.ACTIVE, ProjectStatus.PAUSED);

    private final ProjectMapper mapper;
    private final EventPublisher events;
    private final EntityManager entityManager;
    private final ProgressCounters progress;
    private final ProjectRewards rewards;
    private final Clock clock;

    ProjectService(ProjectMapper mapper, EventPublisher events, EntityManager entityManager, ProgressCounters progress,
                   ProjectRewards rewards, Clock clock) {
        this.mapper = mapper;
        this.events = events;
        this.entityManager = entityManager;
        this.progress = progress;
        this.rewards = rewards;
        this.clock = clock;
    }

    public record Draft(String name, String description, LabelSchema schema, String instructions, SettingsInput settings) {
    }

    public record Patch(String name, String description, LabelSchema schema, String instructions, SettingsInput settings) {
    }

    @Override
    public Optional<ProjectView> find(UUID projectId) {
        return Project.<Project>findByIdOptional(projectId).map(mapper::view);
    }

    @Override
    public Optional<Money> rewardPerAnswer(UUID projectId) {
        return rewards.perAnswer(projectId);
    }

    public ProjectView visible(Caller caller, UUID projectId) {
        return find(projectId).filter(project -> caller.admin() || project.visibleTo(caller.accountId()))
                .orElseThrow(() -> notFound(projectId));
    }

    @Transactional
    public ProjectView create(Caller caller, Draft draft) {
        requireValid(draft.schema());
        Instant now = clock.instant();
        ProjectSettings settings = validSettings((draft.settings() == null ? SettingsInput.NONE : draft.settings()).over(SettingsInput.DEFAULTS), now);
        Project project = new Project();
        project.id = UUID.randomUUID();
        project.ownerId = caller.accountId();
        project.name = draft.name().strip();
        project.description = draft.description() == null ? "" : draft.description();
        project.status = ProjectStatus.DRAFT.wireName();
        project.schemaJson = mapper.schemaJson(draft.schema());
        project.instructions = draft.instructions() == null ? "" : draft.instructions();
        mapper.applySettings(project, settings);
        project.labelerAccess = "open";
        project.version = 1;
        project.createdAt = now;
        project.updatedAt = now;
        project.persist();
        return changed(project, now);
    }

    @Transactional
    public ProjectView update(Caller caller, UUID projectId, Patch patch) {
        Project project = managed(caller, projectId);
        ProjectView current = mapper.view(project);
        if (!EDITABLE.contains(current.status())) {
            throw ProblemException.conflict("project-closed", "A " + current.status().wireName() + " project cannot be edited");
        }
        boolean termsChange = patch.schema() != null || patch.settings() != null && patch.settings().changesTerms(current.settings());
        if (termsChange && !TERMS_EDITABLE.contains(current.status())) {
            throw ProblemException.conflict("terms-fixed",
                    "The schema, overlap and reward are fixed once a project has been activated; create a new project to change them");
        }
        Instant now = clock.instant();
        if (patch.schema() != null) {
            requireValid(patch.schema());
            project.schemaJson = mapper.schemaJson(patch.schema());
        }
        if (patch.settings() != null) {
            mapper.applySettings(project, validSettings(patch.settings().over(current.settings()), now));
        }
        if (patch.name() != null) {
            project.name = patch.name().strip();
        }
        if (patch.description() != null) {
            project.description = patch.description();
        }
        if (patch.instructions() != null) {
            project.instructions = patch.instructions();
        }
        return changed(project, now);
    }

    @Transactional
    public ProjectView moveTo(Caller caller, UUID projectId, ProjectStatus target) {
        Project project = managed(caller, projectId);
        ProjectStatus from = ProjectStatus.fromWireName(project.status);
        if (!from.canMoveTo(target)) {
            throw ProblemException.conflict("status-transition", "A " + from.wireName() + " project cannot become "
                    + target.wireName() + "; it can become " + from.next().stream().map(ProjectStatus::wireName).toList());
        }
        Instant now = clock.instant();
        project.status = target.wireName();
        events.publish(new ProjectStatusChanged(UUID.randomUUID(), now, project.id, project.ownerId, from, target, caller.accountId()));
        return changed(project, now);
    }

    @Transactional
    public void delete(Caller caller, UUID projectId) {
        Project project = managed(caller, projectId);
        if (!ProjectStatus.DRAFT.wireName().equals(project.status)) {
            throw ProblemException.conflict("not-a-draft", "Only drafts are deleted; archive a project that has been active");
        }
        ProjectMember.delete("key.projectId", projectId);
        project.delete();
    }

    @Override
    public Page<ProjectView> all(ProjectStatus status, String after, int limit) {
        return list(new Caller(null, true), status, after, limit);
    }

    @Override
    public Optional<ProjectProgress> progress(UUID projectId) {
        try {
            return progress.read(projectId);
        } catch (SQLException e) {
            throw new IllegalStateException("The progress of " + projectId + " could not be read", e);
        }
    }

    public Page<ProjectView> list(Caller caller, ProjectStatus status, String after, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM projects.project p WHERE true");
        if (!caller.admin()) {
            sql.append(" AND (p.owner_id = :me OR EXISTS (SELECT 1 FROM projects.member m"
                    + " WHERE m.project_id = p.id AND m.account_id = :me AND m.role IN ('co-owner', 'reviewer')))");
        }
        if (status != null) {
            sql.append(" AND p.status = :status");
        }
        NewestFirstCursor cursor = NewestFirstCursor.parse(after);
        if (cursor != null) {
            sql.append(" AND (p.created_at, p.id) < (:afterCreated, :afterId)");
        }
        sql.append(" ORDER BY p.created_at DESC, p.id DESC LIMIT :fetch");
        Query query = entityManager.createNativeQuery(sql.toString(), Project.class).setParameter("fetch", limit + 1);
        if (!caller.admin()) {
            query.setParameter("me", caller.accountId());
        }
        if (status != null) {
            query.setParameter("status", status.wireName());
        }
        if (cursor != null) {
            query.setParameter("afterCreated", cursor.createdAt()).setParameter("afterId", cursor.id());
        }
        @SuppressWarnings("unchecked")
        List<Project> fetched = query.getResultList();
        return Page.fromOneExtra(fetched, limit, project -> new NewestFirstCursor(project.createdAt, project.id).encoded())
                .map(mapper::view);
    }

    /** Locks the project for a change by one of its managers (or an admin). */
    Project managed(Caller caller, UUID projectId) {
        Project project = Project.<Project>findByIdOptional(projectId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> notFound(projectId));
        ProjectView view = mapper.view(project);
        if (caller.admin() || view.managedBy(caller.accountId())) {
            return project;
        }
        if (view.visibleTo(caller.accountId())) {
            throw new ProblemException(403, "not-a-manager", "Forbidden", "Reviewers see a project; its owner and co-owners change it");
        }
        throw notFound(projectId);
    }

    ProjectView changed(Project project, Instant now) {
        project.version++;
        project.updatedAt = now;
        ProjectView view = mapper.view(project);
        events.publish(new ProjectChanged(UUID.randomUUID(), now, view));
        return view;
    }

    private static void requireValid(LabelSchema schema) {
        List<String> problems = schema.problems();
        if (!problems.isEmpty()) {
            throw ProblemException.badRequest("invalid-schema", "The label schema cannot be saved: " + String.join("; ", problems))
                    .withFieldErrors(problems.stream().map(problem -> new Problem.FieldError("schema", problem)).toList());
        }
    }

    private static ProjectSettings validSettings(ProjectSettings settings, Instant now) {
        if (settings.maxOverlap() < settings.overlap()) {
            throw ProblemException.badRequest("invalid-settings", "maxOverlap (" + settings.maxOverlap()
                    + ") cannot be below overlap (" + settings.overlap() + ")");
        }
        if (settings.rewardPerAnswer().isNegative()) {
            throw ProblemException.badRequest("invalid-settings", "A reward cannot be negative");
        }
        if (settings.deadline() != null && !settings.deadline().isAfter(now)) {
            throw ProblemException.badRequest("invalid-settings", "A deadline must be in the future");
        }
        return settings;
    }

    static ProblemException notFound(UUID projectId) {
        return ProblemException.notFound("Project " + projectId);
    }
}
