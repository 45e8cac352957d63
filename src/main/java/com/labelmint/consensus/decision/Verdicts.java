package com.labelmint.consensus.decision;

import com.labelmint.consensus.api.AnswerAccepted;
import com.labelmint.consensus.api.AnswerRejected;
import com.labelmint.consensus.quality.LabelerQuality;
import com.labelmint.projects.api.ProjectView;
import com.labelmint.platform.events.EventPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
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

    private static final String GIVE = """
            UPDATE consensus.answer SET verdict = ?, reason = ?, decided_at = ? WHERE id = ? AND verdict IS NULL""";

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
