package com.labelmint.consensus.quality;

import com.labelmint.consensus.api.LabelerQualityChanged;
import com.labelmint.platform.events.EventPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What consensus has measured of each labeler, overall and per skill, and the accuracy it believes of them.
 * Every change is published as cumulative {@link LabelerQualityChanged} counts.
 */
@ApplicationScoped
public class LabelerQuality {

    /**
     * A labeler nobody has measured is taken to be right 7 times in 10 (a Beta(7, 3) prior), and measurements
     * move the estimate from there: a few answers cannot make anyone look perfect or worthless.
     */
    private static final double PRIOR_RIGHT = 7;
    private static final double PRIOR_WRONG = 3;
    private static final String OVERALL = "";

    private static final String ADD = """
            INSERT INTO consensus.labeler_quality AS q (labeler_id, skill, gold_answers, gold_correct, decided_answers,
                                                        agreed_answers, disputes_lost, measured_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (labeler_id, skill) DO UPDATE SET gold_answers = q.gold_answers + excluded.gold_answers,
                gold_correct = q.gold_correct + excluded.gold_correct,
                decided_answers = q.decided_answers + excluded.decided_answers,
                agreed_answers = q.agreed_answers + excluded.agreed_answers,
                disputes_lost = q.disputes_lost + excluded.disputes_lost,
                measured_at = greatest(q.measured_at, excluded.measured_at)
            RETURNING gold_answers, gold_correct, decided_answers, agreed_answers, disputes_lost, measured_at""";

    /** A dispute's correction of counts that exist already (the verdict it turns was counted). */
    private static final String CORRECT = """
            UPDATE consensus.labeler_quality AS q SET agreed_answers = q.agreed_answers + ?, disputes_lost = q.disputes_lost + ?,
                measured_at = greatest(q.measured_at, ?)
            WHERE labeler_id = ? AND skill = ?
            RETURNING gold_answers, gold_correct, decided_answers, agreed_answers, disputes_lost, measured_at""";

    private static final String OVERALL_COUNTS = """
            SELECT labeler_id, gold_correct + agreed_answers, gold_answers + decided_answers
            FROM consensus.labeler_quality WHERE skill = '' AND labeler_id = ANY (?)""";

    private final EventPublisher events;

    LabelerQuality(EventPublisher events) {
        this.events = events;
    }

    /** One measurement to add: how many answers of each kind, and how many of them were right. */
    public record Measured(long goldAnswers, long goldCorrect, long decidedAnswers, long agreedAnswers, long disputesLost) {

        /** Counts no new answer, only corrects the judgement of one already counted. */
        boolean correction() {
            return goldAnswers == 0 && decidedAnswers == 0;
        }

        public static Measured gold(boolean correct) {
            return new Measured(1, correct ? 1 : 0, 0, 0, 0);
        }

        public static Measured decided(boolean agreed) {
            return new Measured(0, 0, 1, agreed ? 1 : 0, 0);
        }

        /** A dispute found that an answer counted as disagreeing agreed after all. */
        public static Measured agreedAfterAll() {
            return new Measured(0, 0, 0, 1, 0);
        }

        /** A dispute went against the labeler. */
        public static Measured disputeLost() {
            return new Measured(0, 0, 0, 0, 1);
        }

        /** A dispute over the item's label found that the labeler's answer, counted as agreeing, did not. */
        public static Measured agreedNoLonger() {
            return new Measured(0, 0, 0, -1, 1);
        }
    }

    /** Adds the measurement to the labeler's overall counts and to each skill's, in the caller's transaction. */
    public void add(Connection connection, UUID labelerId, Collection<String> skills, Measured measured, Instant now)
            throws SQLException {
        List<String> measuredSkills = new ArrayList<>(skills);
        measuredSkills.add(0, OVERALL);
        try (PreparedStatement add = connection.prepareStatement(measured.correction() ? CORRECT : ADD)) {
            for (String skill : measuredSkills) {
                if (measured.correction()) {
                    add.setLong(1, measured.agreedAnswers());
                    add.setLong(2, measured.disputesLost());
                    add.setTimestamp(3, Timestamp.from(now));
                    add.setObject(4, labelerId);
                    add.setString(5, skill);
                } else {
                    add.setObject(1, labelerId);
                    add.setString(2, skill);
                    add.setLong(3, measured.goldAnswers());
                    add.setLong(4, measured.goldCorrect());
                    add.setLong(5, measured.decidedAnswers());
                    add.setLong(6, measured.agreedAnswers());
                    add.setLong(7, measured.disputesLost());
                    add.setTimestamp(8, Timestamp.from(now));
                }
                try (ResultSet counts = add.executeQuery()) {
                    if (!counts.next()) {
                        continue; // a correction for a skill added to the project after the answer was counted
                    }
                    events.publish(new LabelerQualityChanged(UUID.randomUUID(), now, labelerId, skill.isEmpty() ? null : skill,
                            counts.getLong(1), counts.getLong(2), counts.getLong(3), counts.getLong(4), counts.getLong(5),
                            counts.getTimestamp(6).toInstant()));
                }
            }
        }
    }

    /** Each labeler's estimated probability of answering right, from gold items and agreement with consensus. */
    public Map<UUID, Double> accuracies(Connection connection, Collection<UUID> labelers) throws SQLException {
        Map<UUID, Double> accuracy = new HashMap<>();
        labelers.forEach(labeler -> accuracy.put(labeler, estimatedAccuracy(0, 0)));
        try (PreparedStatement query = connection.prepareStatement(OVERALL_COUNTS)) {
            query.setArray(1, connection.createArrayOf("uuid", labelers.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    accuracy.put(rows.getObject(1, UUID.class), estimatedAccuracy(rows.getLong(2), rows.getLong(3)));
                }
            }
        }
        return accuracy;
    }

    /** The probability of answering right after {@code right} of {@code judged} answers were, under the prior. */
    public static double estimatedAccuracy(long right, long judged) {
        return (right + PRIOR_RIGHT) / (judged + PRIOR_RIGHT + PRIOR_WRONG);
    }
}
