package com.labelmint.users.reputation;

import com.labelmint.consensus.api.LabelerQualityChanged;
import com.labelmint.platform.events.EventPublisher;
import com.labelmint.platform.paging.Page;
import com.labelmint.users.api.Reputation;
import com.labelmint.users.api.ReputationChanged;
import com.labelmint.users.api.ReputationMove;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** Keeps each labeler's reputation, overall and per skill, from what consensus measures; and its history. */
@ApplicationScoped
public class ReputationService {

    private final EventPublisher events;
    private final Clock clock;

    ReputationService(EventPublisher events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /**
     * Applies a measurement unless a later one is already applied. Measurements of one score are applied one at a
     * time: a row lock alone cannot order two first measurements, since there is no row yet to lock, and the one
     * to insert second would fail on the primary key.
     */
    @Transactional
    public void apply(LabelerQualityChanged measured) {
        ReputationScore.Key key = new ReputationScore.Key(measured.labelerId(),
                measured.skill() == null ? ReputationScore.OVERALL : measured.skill());
        ReputationScore.getEntityManager()
                .createNativeQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(hashtextextended(?1, 0))) AS locked")
                .setParameter(1, "users.reputation/" + key.accountId() + "/" + key.skill())
                .getSingleResult();
        ReputationScore current = ReputationScore.findById(key);
        if (current != null && !measured.measuredAt().isAfter(current.measuredAt)) {
            return;
        }
        QualityMeasurement quality = QualityMeasurement.of(measured);
        double score = ReputationFormula.score(quality);
        Double previous = current == null ? null : current.score;
        if (current == null) {
            current = new ReputationScore();
            current.key = key;
            current.record(quality, score, measured.measuredAt());
            current.persist();
        } else {
            current.record(quality, score, measured.measuredAt());
        }
        if (previous == null || previous != score) {
            remember(current, previous, measured.eventId());
            events.publish(new ReputationChanged(UUID.randomUUID(), clock.instant(), key.accountId(),
                    current.overall() ? null : key.skill(), previous, score));
        }
    }

    public Reputation reputation(UUID accountId) {
        List<ReputationScore> scores = ReputationScore.list("key.accountId", accountId);
        List<Reputation.SkillScore> skills = scores.stream().filter(score -> !score.overall())
                .map(score -> new Reputation.SkillScore(score.key.skill(), score.score, score.measuredAt))
                .sorted(Comparator.comparing(Reputation.SkillScore::skill))
                .toList();
        return scores.stream().filter(ReputationScore::overall).findFirst()
                .map(overall -> new Reputation(overall.score, skills, overall.measuredAt))
                .orElseGet(() -> new Reputation(Reputation.UNMEASURED_SCORE, skills, null));
    }

    /** Newest first; {@code before} is the cursor of the previous page. */
    public Page<ReputationMove> history(UUID accountId, Long before, int limit) {
        List<ReputationHistoryEntry> fetched = ReputationHistoryEntry
                .<ReputationHistoryEntry>find("accountId = ?1 and id < ?2 order by id desc", accountId,
                        before == null ? Long.MAX_VALUE : before)
                .page(0, limit + 1).list();
        return Page.fromOneExtra(fetched, limit, entry -> entry.id.toString()).map(ReputationService::move);
    }

    private static ReputationMove move(ReputationHistoryEntry entry) {
        return new ReputationMove(ReputationScore.OVERALL.equals(entry.skill) ? null : entry.skill,
                entry.previousScore, entry.score, entry.measuredAt);
    }

    private static void remember(ReputationScore score, Double previous, UUID cause) {
        ReputationHistoryEntry entry = new ReputationHistoryEntry();
        entry.accountId = score.key.accountId();
        entry.skill = score.key.skill();
        entry.previousScore = previous;
        entry.score = score.score;
        entry.measuredAt = score.measuredAt;
        entry.causedByEvent = cause;
        entry.persist();
    }
}
