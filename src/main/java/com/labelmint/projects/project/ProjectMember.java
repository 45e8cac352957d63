package com.labelmint.projects.project;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

@Entity
@Table(name = "member", schema = "projects")
public class ProjectMember extends PanacheEntityBase {

    static final String CO_OWNER = "co-owner";
    static final String REVIEWER = "reviewer";
    static final String LABELER = "labeler";

    @EmbeddedId
    public Key key;

    @Embeddable
    public record Key(@Column(name = "project_id") UUID projectId, @Column(name = "role") String role,
                      @Column(name = "account_id") UUID accountId) implements Serializable {
    }

    static ProjectMember of(UUID projectId, String role, UUID accountId) {
        ProjectMember member = new ProjectMember();
        member.key = new Key(projectId, role, accountId);
        return member;
    }
}
