package com.labelmint.projects.project;

import com.labelmint.platform.error.ProblemException;
import com.labelmint.projects.api.ProjectMembers;
import com.labelmint.projects.api.ProjectView;
import com.labelmint.users.api.AccountView;
import com.labelmint.users.api.Role;
import com.labelmint.users.api.UsersApi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;

/** Who besides the owner works on a project: co-owners, reviewers, and the labelers let in. */
@ApplicationScoped
public class ProjectMembership {

    private final ProjectService projects;
    private final UsersApi users;
    private final Clock clock;

    ProjectMembership(ProjectService projects, UsersApi users, Clock clock) {
        this.projects = projects;
        this.users = users;
        this.clock = clock;
    }

    /** Replaces every membership at once; each person must exist and hold the role their place needs. */
    @Transactional
    public ProjectView replace(Caller caller, UUID projectId, ProjectMembers members) {
        Project project = projects.managed(caller, projectId);
        requireRole(members.coOwners(), Role.CLIENT, "co-owners");
        requireRole(members.reviewers(), Role.REVIEWER, "reviewers");
        requireRole(members.allowedLabelers(), Role.LABELER, "allowed labelers");
        if (members.coOwners().contains(project.ownerId)) {
            throw ProblemException.badRequest("owner-as-member", "The owner already manages the project; they are not also a co-owner");
        }
        ProjectMember.delete("key.projectId", projectId);
        ProjectMember.getEntityManager().flush();
        members.coOwners().forEach(id -> ProjectMember.of(projectId, ProjectMember.CO_OWNER, id).persist());
        members.reviewers().forEach(id -> ProjectMember.of(projectId, ProjectMember.REVIEWER, id).persist());
        members.allowedLabelers().forEach(id -> ProjectMember.of(projectId, ProjectMember.LABELER, id).persist());
        project.labelerAccess = members.labelerAccess().wireName();
        ProjectMember.getEntityManager().flush();
        return projects.changed(project, clock.instant());
    }

    private void requireRole(Set<UUID> accounts, Role role, String place) {
        for (UUID accountId : accounts) {
            AccountView account = users.find(accountId).orElseThrow(() ->
                    ProblemException.badRequest("unknown-account", "Account " + accountId + " (among the " + place + ") does not exist"));
            if (!account.hasRole(role)) {
                throw ProblemException.badRequest("missing-role", "Account " + accountId + " is not a " + role.wireName()
                        + " and cannot be among the " + place);
            }
        }
    }
}
