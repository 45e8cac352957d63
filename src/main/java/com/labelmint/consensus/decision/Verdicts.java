package com.labelmint.consensus.decision;

import com.labelmint.consensus.api.AnswerAccepted;
import com.labelmint.consensus.api.AnswerRejected;
import com.labelmint.consensus.quality.LabelerQuality;
import com.labelmint.projects.api.ProjectView;
import com.labelmint.platform.events.EventPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * Gives an answer its verdict, once: accepted answers are paid the project's reward, rejected ones are told why.
 * The labeler's quality counts move with it. The reason never says whether the item was a gold item.
 */
@ApplicationScoped
class Verdicts {

    static final String DISAGREED = "Your answer differs from the label this item was given.";

    static final String VOID = "void";

    /** Told to the labeler with the verdict of a void answer, without saying which signal flagged them. */
    static final String VOIDED = "Not counted: your answers in this project were flagged as unreliable.";

    private static final String GIVE = """
            UPDATE consensus.answer SET verdict = ?, reason = ?, decided_at = ? WHERE id = ? AND verdict IS NULL""";

    private static final String MAKE_VOID = """
            UPDATE consensus.answer SET verdict = 'void', reason = ?, decided_at = ? WHERE item_id = ? AND labeler_id = ? AND verdict IS NULL
            RETURNING id""";

    private static final String TURN = """
            UPDATE consensus.answer SET verdict = ?, reason = ?, decided_at = ? WHERE id = ? AND verdict = ?""";

    private final LabelerQuality quality;
    private final EventPublisher events;

    Verdicts(LabelerQuality quality, EventPublisher events) {
        this.quality = quality;
        this.events = events;
    }

    /** A gold item's answer, judged against its known answer. */
    void judgeGold(Connection connection, ProjectView project, UUID answerId, long itemId, UUID labelerId, boolean correct,
                   Instant now) throws SQLException {
        if (give(connection, project, answerId, itemId, labelerId, correct, now)) {
            quality.add(connection, labelerId, project.settings().requiredSkills(), LabelerQuality.Measured.gold(correct), now);
        }
    }

    /** A regular answer, judged against its item's decided label. */
    void judge(Connection connection, ProjectView project, StoredAnswer answer, long itemId, boolean agreed, Instant now)
            throws SQLException {
        if (give(connection, project, answer.id(), itemId, answer.labelerId(), agreed, now)) {
            quality.add(connection, answer.labelerId(), project.settings().requiredSkills(),
                    LabelerQuality.Measured.decided(agreed), now);
        }
    }

    /**
     * Makes the labeler's answer on the item void, unless it has its verdict already; false then. A void answer is
     * never paid and never counted (in aggregation or in the labeler's quality); the labeler is told through
     * {@link AnswerRejected}, which is also every listener's sign that the answer will not be paid.
     */
    boolean makeVoid(Connection connection, UUID projectId, long itemId, UUID labelerId, Instant now) throws SQLException {
        try (PreparedStatement makeVoid = connection.prepareStatement(MAKE_VOID)) {
            makeVoid.setString(1, VOIDED);
            makeVoid.setTimestamp(2, Timestamp.from(now));
            makeVoid.setLong(3, itemId);
            makeVoid.setObject(4, labelerId);
            try (ResultSet voided = makeVoid.executeQuery()) {
                if (!voided.next()) {
                    return false;
                }
                events.publish(new AnswerRejected(UUID.randomUUID(), now, voided.getObject(1, UUID.class), projectId, itemId, labelerId,
                        VOIDED));
                return true;
            }
        }
    }

    /**
     * Turns a verdict a dispute found wrong; false when the answer did not have the opposite verdict. An answer
     * now accepted is paid like any other ({@link AnswerAccepted}); one now rejected is clawed back by payments
     * from the dispute's outcome.
     */
    boolean turn(Connection connection, ProjectView project, UUID answerId, long itemId, UUID labelerId, boolean accepted,
                 Instant now) throws SQLException {
        try (PreparedStatement turn = connection.prepareStatement(TURN)) {
            turn.setString(1, accepted ? "accepted" : "rejected");
            turn.setString(2, accepted ? null : DISAGREED);
            turn.setTimestamp(3, Timestamp.from(now));
            turn.setObject(4, answerId);
            turn.setString(5, accepted ? "rejected" : "accepted");
            if (turn.executeUpdate() == 0) {
                return false;
            }
        }
        quality.add(connection, labelerId, project.settings().requiredSkills(),
                accepted ? LabelerQuality.Measured.agreedAfterAll() : LabelerQuality.Measured.agreedNoLonger(), now);
        if (accepted) {
            events.publish(new AnswerAccepted(UUID.randomUUID(), now, answerId, project.id(), itemId, labelerId,
                    project.settings().rewardPerAnswer()));
        }
        return true;
    }

    private boolean give(Connection connection, ProjectView project, UUID answerId, long itemId, UUID labelerId,
                         boolean accepted, Instant now) throws SQLException {
        try (PreparedStatement give = connection.prepareStatement(GIVE)) {
            give.setString(1, accepted ? "accepted" : "rejected");
            give.setString(2, accepted ? null : DISAGREED);
            give.setTimestamp(3, Timestamp.from(now));
            give.setObject(4, answerId);
            if (give.executeUpdate() == 0) {
                return false;
            }
        }
        events.publish(accepted
                ? new AnswerAccepted(UUID.randomUUID(), now, answerId, project.id(), itemId, labelerId,
                        project.settings().rewardPerAnswer())
                : new AnswerRejected(UUID.randomUUID(), now, answerId, project.id(), itemId, labelerId, DISAGREED));
        return true;
    }
}
