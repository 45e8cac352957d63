package com.labelmint.consensus.decision;

import com.labelmint.consensus.aggregation.Aggregate;
import com.labelmint.consensus.aggregation.ItemAggregator;
import com.labelmint.consensus.aggregation.ItemAggregators;
import com.labelmint.consensus.aggregation.Vote;
import com.labelmint.consensus.api.ItemLabelled;
import com.labelmint.consensus.api.MoreAnswersRequested;
import com.labelmint.consensus.fraud.FraudWatch;
import com.labelmint.consensus.fraud.GoldResult;
import com.labelmint.consensus.project.ConsensusProjects;
import com.labelmint.consensus.quality.LabelerQuality;
import com.labelmint.consensus.refit.ProjectModels;
import com.labelmint.platform.events.EventPublisher;
import com.labelmint.projects.api.ProjectSettings;
import com.labelmint.projects.api.ProjectView;
import com.labelmint.tasks.api.AnswerSubmitted;
import com.labelmint.tasks.api.ItemFullyAnswered;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Decides items as their answers come in. An item is looked at once it holds as many answers as the queue said
 * it has: sure enough (the project's acceptance threshold) and it is labelled and its answers judged; unsure and
 * below the maximum overlap, one more answer is requested; otherwise, or when the project wants every label
 * reviewed, it waits for a reviewer. Gold answers are judged at once against the known answer.
 *
 * <p>Every answer passes the {@link FraudWatch} first. The answers of a labeler excluded from the project are void:
 * the queue still counts them, so an item holding void answers is complete when the queue says, but before it is
 * decided it asks for as many answers from others (the same request as dynamic overlap's), and only the answers
 * that count are aggregated.
 *
 * <p>The queue's events may arrive in any order ({@link ItemFullyAnswered} before the last {@link AnswerSubmitted}
 * or after it), so both lock the item's row and whichever completes the set decides.
 */
@ApplicationScoped
public class ItemDecisions {

    /** The confidence published with a request that only replaces void answers: nothing was aggregated. */
    private static final double VOIDS_ONLY = 0;

    private final DataSource dataSource;
    private final ConsensusProjects projects;
    private final ItemRecords records;
    private final LabelerQuality quality;
    private final Verdicts verdicts;
    private final EventPublisher events;
    private final ProjectModels models;
    private final FraudWatch fraud;
    private final Clock clock;

    ItemDecisions(DataSource dataSource, ConsensusProjects projects, ItemRecords records, LabelerQuality quality,
                  Verdicts verdicts, EventPublisher events, ProjectModels models, FraudWatch fraud, Clock clock) {
        this.models = models;
        this.fraud = fraud;
        this.dataSource = dataSource;
        this.projects = projects;
        this.records = records;
        this.quality = quality;
        this.verdicts = verdicts;
        this.events = events;
        this.clock = clock;
    }

    void on(@Observes AnswerSubmitted submitted) throws SQLException {
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection()) {
            ProjectView project = projects.get(connection, submitted.projectId());
            ItemAggregator aggregator = aggregatorOf(connection, project);
            if (submitted.goldAnswer() != null) {
                if (records.store(connection, submitted)) {
                    boolean correct = aggregator.agrees(submitted.answer(), submitted.goldAnswer());
                    if (fraud.admits(connection, project, submitted, GoldResult.of(correct), now)) {
                        verdicts.judgeGold(connection, project, submitted.answerId(), submitted.itemId(), submitted.labelerId(), correct, now);
                    } else {
                        verdicts.makeVoid(connection, project.id(), submitted.itemId(), submitted.labelerId(), now);
                    }
                }
                return;
            }
            ItemRecords.LockedItem item = records.lock(connection, project.id(), submitted.itemId(), now);
            if (records.store(connection, submitted)) {
                if (!fraud.admits(connection, project, submitted, GoldResult.NOT_GOLD, now)) {
                    verdicts.makeVoid(connection, project.id(), submitted.itemId(), submitted.labelerId(), now);
                }
                decideIfComplete(connection, project, aggregator, item, now);
            }
        }
    }

    void on(@Observes ItemFullyAnswered complete) throws SQLException {
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection()) {
            ProjectView project = projects.get(connection, complete.projectId());
            ItemRecords.LockedItem item = records.lock(connection, project.id(), complete.itemId(), now);
            decideIfComplete(connection, project, aggregatorOf(connection, project),
                    records.expect(connection, item, complete.answers(), now), now);
        }
    }

    /**
     * Decides the item if the queue has delivered all its answers: void answers not yet replaced are replaced
     * first; then the answers that count are labelled, sent for one more, or sent to review.
     */
    void decideIfComplete(Connection connection, ProjectView project, ItemAggregator aggregator, ItemRecords.LockedItem item,
                          Instant now) throws SQLException {
        if (!item.collecting() || item.answersExpected() == null) {
            return;
        }
        List<StoredAnswer> answers = records.regularAnswers(connection, item.id());
        if (answers.size() < item.answersExpected()) {
            return;
        }
        List<StoredAnswer> counted = StoredAnswer.counted(answers);
        int room = ProjectSettings.MOST_ANSWERS_PER_ITEM - answers.size();
        int unreplaced = Math.min(answers.size() - counted.size() - item.voidsReplaced(), room);
        if (unreplaced > 0) {
            askForMore(connection, project, item.id(), answers.size() + unreplaced, item.voidsReplaced() + unreplaced,
                    VOIDS_ONLY, now);
            return;
        }
        if (counted.isEmpty()) {
            records.move(connection, item.id(), new ItemRecords.ItemState("review", answers.size(), null, null, null, null,
                    "Every answer was void and the item takes no more."), now);
            return;
        }
        Map<UUID, Double> accuracy = quality.accuracies(connection, counted.stream().map(StoredAnswer::labelerId).toList());
        Aggregate aggregate = aggregator.aggregate(counted.stream()
                .map(answer -> new Vote(answer.labelerId(), answer.value(), accuracy.get(answer.labelerId()))).toList());
        ProjectSettings settings = project.settings();
        boolean sure = aggregate.confidence() >= settings.acceptanceThreshold();
        if (sure && !settings.reviewRequired()) {
            label(connection, project, aggregator, item.id(), counted, aggregate, null, null, now);
        } else if (!sure && counted.size() < settings.maxOverlap() && room > 0) {
            askForMore(connection, project, item.id(), answers.size() + 1, item.voidsReplaced(), aggregate.confidence(), now);
        } else {
            String why = sure ? "The project has every label reviewed." : "Consensus was not sure after the most answers the project allows.";
            records.move(connection, item.id(), new ItemRecords.ItemState("review", answers.size(), aggregate.label(),
                    aggregate.confidence(), aggregate.method(), null, why), now);
        }
    }

    /** The queue reopens the item until it has {@code needed} answers in all (void ones included). */
    private void askForMore(Connection connection, ProjectView project, long itemId, int needed, int voidsReplaced, double confidence,
                            Instant now) throws SQLException {
        records.reopen(connection, itemId, needed, voidsReplaced, now);
        events.publish(new MoreAnswersRequested(UUID.randomUUID(), now, project.id(), itemId, needed, confidence));
    }

    /** Labels the item for good and judges the answers (those that count) against the label. */
    void label(Connection connection, ProjectView project, ItemAggregator aggregator, long itemId, List<StoredAnswer> answers,
               Aggregate aggregate, UUID decidedBy, String note, Instant now) throws SQLException {
        records.move(connection, itemId, new ItemRecords.ItemState("decided", null, aggregate.label(),
                aggregate.confidence(), aggregate.method(), decidedBy, note), now);
        // In labeler order: each verdict updates its labeler's quality rows, and two items decided at once that share
        // labelers (a review beside a listener, two instances' listeners) locked them in opposite orders and deadlocked,
        // failing the review with a 500 (found by MarketplaceScaleOutIT)
        for (StoredAnswer answer : answers.stream().sorted(Comparator.comparing(StoredAnswer::labelerId)).toList()) {
            verdicts.judge(connection, project, answer, itemId, aggregator.agrees(answer.value(), aggregate.label()), now);
        }
        events.publish(new ItemLabelled(UUID.randomUUID(), now, project.id(), itemId, aggregate.label(), aggregate.confidence(),
                aggregate.method(), answers.size(), decidedBy, false));
    }

    /** The project's aggregator, with the labeler model of its latest refit. */
    public ItemAggregator aggregatorOf(Connection connection, ProjectView project) throws SQLException {
        return ItemAggregators.forLabel(project.schema().label(), project.settings().aggregation(),
                models.labelerModel(connection, project));
    }
}
