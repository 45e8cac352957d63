package com.labelmint.users.reputation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** A labeler's current score, overall (skill {@value #OVERALL}) or for one skill, with what it was computed from. */
@Entity
@Table(name = "reputation", schema = "users")
public class ReputationScore extends PanacheEntityBase {

    /** Skill tags are lower-case words, so this can never collide with one. */
    static final String OVERALL = "*";

    @EmbeddedId
    public Key key;

    @Column(nullable = false)
    public double score;

    @Column(name = "gold_answers", nullable = false)
    public long goldAnswers;

    @Column(name = "gold_correct", nullable = false)
    public long goldCorrect;

    @Column(name = "decided_answers", nullable = false)
    public long decidedAnswers;

    @Column(name = "agreed_answers", nullable = false)
    public long agreedAnswers;

    @Column(name = "disputes_lost", nullable = false)
    public long disputesLost;

    @Column(name = "measured_at", nullable = false)
    public Instant measuredAt;

    @Embeddable
    public record Key(@Column(name = "account_id") UUID accountId, @Column(name = "skill") String skill) implements Serializable {
    }

    void record(QualityMeasurement quality, double newScore, Instant measured) {
        score = newScore;
        goldAnswers = quality.goldAnswers();
        goldCorrect = quality.goldCorrect();
        decidedAnswers = quality.decidedAnswers();
        agreedAnswers = quality.agreedAnswers();
        disputesLost = quality.disputesLost();
        measuredAt = measured;
    }

    boolean overall() {
        return OVERALL.equals(key.skill());
    }
}
