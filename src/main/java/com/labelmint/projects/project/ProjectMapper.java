package com.labelmint.projects.project;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.labelmint.platform.money.Currency;
import com.labelmint.platform.money.Money;
import com.labelmint.projects.api.AggregationMethod;
import com.labelmint.projects.api.FraudAction;
import com.labelmint.projects.api.LabelSchema;
import com.labelmint.projects.api.ProjectMembers;
import com.labelmint.projects.api.ProjectSettings;
import com.labelmint.projects.api.ProjectStatus;
import com.labelmint.projects.api.ProjectView;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Between the project's rows and the {@link ProjectView} everyone else sees. */
@ApplicationScoped
public class ProjectMapper {

    private final ObjectMapper json;

    ProjectMapper(ObjectMapper json) {
        this.json = json;
    }

    public ProjectView view(Project project) {
        List<ProjectMember> members = ProjectMember.list("key.projectId", project.id);
        return view(project, members);
    }

    ProjectView view(Project project, List<ProjectMember> members) {
        return new ProjectView(project.id, project.ownerId, project.name, project.description,
                ProjectStatus.fromWireName(project.status), schema(project), project.instructions, settings(project),
                new ProjectMembers(accounts(members, ProjectMember.CO_OWNER), accounts(members, ProjectMember.REVIEWER),
                        ProjectMembers.LabelerAccess.fromWireName(project.labelerAccess), accounts(members, ProjectMember.LABELER)),
                project.version, project.createdAt, project.updatedAt);
    }

    String schemaJson(LabelSchema schema) {
        try {
            return json.writeValueAsString(schema);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A label schema always serialises", e);
        }
    }

    void applySettings(Project project, ProjectSettings settings) {
        project.overlap = settings.overlap();
        project.maxOverlap = settings.maxOverlap();
        project.rewardUnits = settings.rewardPerAnswer().units();
        project.rewardCurrency = settings.rewardPerAnswer().currency().name();
        project.leaseSeconds = settings.leaseSeconds();
        project.goldRate = settings.goldRate();
        project.priority = settings.priority();
        project.deadline = settings.deadline();
        project.requiredSkills = settings.requiredSkills().stream().sorted().toArray(String[]::new);
        project.aggregation = settings.aggregation().wireName();
        project.acceptanceThreshold = settings.acceptanceThreshold();
        project.reviewRequired = settings.reviewRequired();
        project.fraudAction = settings.fraudAction().wireName();
    }

    private LabelSchema schema(Project project) {
        try {
            return json.readValue(project.schemaJson, LabelSchema.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored schema of project " + project.id + " is unreadable", e);
        }
    }

    private static ProjectSettings settings(Project project) {
        return new ProjectSettings(project.overlap, project.maxOverlap,
                Money.ofUnits(project.rewardUnits, Currency.valueOf(project.rewardCurrency)), project.leaseSeconds,
                project.goldRate, project.priority, project.deadline, Set.copyOf(Arrays.asList(project.requiredSkills)),
                AggregationMethod.fromWireName(project.aggregation), project.acceptanceThreshold, project.reviewRequired,
                FraudAction.fromWireName(project.fraudAction));
    }

    private static Set<UUID> accounts(List<ProjectMember> members, String role) {
        return members.stream().filter(member -> member.key.role().equals(role))
                .map(member -> member.key.accountId()).collect(Collectors.toUnmodifiableSet());
    }
}
