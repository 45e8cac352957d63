package com.labelmint.payments.reward;

import com.labelmint.consensus.api.AnswerAccepted;
import com.labelmint.consensus.api.AnswerRejected;
import com.labelmint.consensus.api.DisputeResolved;
import com.labelmint.platform.money.Currency;
import com.labelmint.platform.money.Money;
import com.labelmint.projects.api.ProjectsApi;
import com.labelmint.tasks.api.AnswerSubmitted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;

/** The answer events that move rewards; each runs in the listener's own transaction. */
@ApplicationScoped
class RewardEvents {

    private final DataSource dataSource;
    private final RewardPayer payer;
    private final ProjectsApi projects;

    RewardEvents(DataSource dataSource, RewardPayer payer, ProjectsApi projects) {
        this.dataSource = dataSource;
        this.payer = payer;
        this.projects = projects;
    }

    void on(@Observes AnswerSubmitted submitted) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            payer.hold(connection, submitted.answerId(), submitted.projectId(), submitted.labelerId(), rewardOf(submitted.projectId()));
        }
    }

    void on(@Observes AnswerAccepted accepted) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            payer.pay(connection, accepted.answerId(), accepted.projectId(), accepted.labelerId(), accepted.reward());
        }
    }

    void on(@Observes AnswerRejected rejected) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            payer.reject(connection, rejected.answerId(), rejected.projectId(), rejected.labelerId(), rewardOf(rejected.projectId()));
        }
    }

    /** Answers a dispute turned to accepted arrive as {@link AnswerAccepted} too; only the turned-down ones are ours here. */
    void on(@Observes DisputeResolved resolved) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            for (UUID answerId : resolved.answersNowRejected()) {
                payer.clawBack(connection, answerId);
            }
        }
    }

    /** The project's reward per answer now; a project that is gone pays nothing more. */
    private Money rewardOf(UUID projectId) {
        return projects.rewardPerAnswer(projectId).orElse(Money.ofUnits(0, Currency.USDT));
    }
}
