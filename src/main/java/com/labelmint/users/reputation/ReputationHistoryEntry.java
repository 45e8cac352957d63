package com.labelmint.users.reputation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One move of a score; the table is append-only (a trigger refuses UPDATE and DELETE). */
@Entity
@Table(name = "reputation_history", schema = "users")
public class ReputationHistoryEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "account_id", nullable = false)
    public UUID accountId;

    @Column(nullable = false)
    public String skill;

    @Column(name = "previous_score")
    public Double previousScore;

    @Column(nullable = false)
    public double score;

    @Column(name = "measured_at", nullable = false)
    public Instant measuredAt;

    @Column(name = "caused_by_event", nullable = false)
    public UUID causedByEvent;
}
