package com.labelmint.projects.project;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "project", schema = "projects")
public class Project extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "owner_id", nullable = false)
    public UUID ownerId;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String description;

    @Column(nullable = false)
    public String status;

    /** The label schema as JSON; {@link ProjectMapper} reads and writes it. */
    @Column(name = "schema", nullable = false)
    @ColumnTransformer(write = "cast(? as jsonb)")
    public String schemaJson;

    @Column(nullable = false)
    public String instructions;

    @Column(nullable = false)
    public int overlap;

    @Column(name = "max_overlap", nullable = false)
    public int maxOverlap;

    @Column(name = "reward_units", nullable = false)
    public long rewardUnits;

    @Column(name = "reward_currency", nullable = false)
    public String rewardCurrency;

    @Column(name = "lease_seconds", nullable = false)
    public int leaseSeconds;

    @Column(name = "gold_rate", nullable = false)
    public double goldRate;

    @Column(nullable = false)
    public int priority;

    public Instant deadline;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "required_skills", nullable = false)
    public String[] requiredSkills;

    @Column(nullable = false)
    public String aggregation;

    @Column(name = "acceptance_threshold", nullable = false)
    public double acceptanceThreshold;

    @Column(name = "review_required", nullable = false)
    public boolean reviewRequired;

    @Column(name = "fraud_action", nullable = false)
    public String fraudAction;

    @Column(name = "labeler_access", nullable = false)
    public String labelerAccess;

    @Column(nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
