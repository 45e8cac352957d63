package com.labelmint.tasks.queue;

import com.fasterxml.jackson.databind.JsonNode;
import com.labelmint.tasks.api.ItemData;
import com.labelmint.tasks.api.LabelerActivity;
import com.labelmint.tasks.api.Task;
import com.labelmint.tasks.api.TasksApi;
import com.labelmint.tasks.api.Workload;
import com.labelmint.tasks.statistics.TaskStatistics;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** {@link TasksApi} over the same queue and answers the REST API uses, and the floor's statistics. */
@ApplicationScoped
public class TasksFacade implements TasksApi {

    private static final String ACTIVITY = """
            SELECT count(*), count(*) FILTER (WHERE submitted_at >= date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC')
            FROM tasks.answer WHERE labeler_id = ?""";

    private final TaskQueue queue;
    private final TaskAnswers answers;
    private final DataSource dataSource;
    private final TaskStatistics statistics;

    TasksFacade(TaskQueue queue, TaskAnswers answers, DataSource dataSource, TaskStatistics statistics) {
        this.queue = queue;
        this.answers = answers;
        this.dataSource = dataSource;
        this.statistics = statistics;
    }

    @Override
    public Optional<Task> next(UUID labelerId) {
        return queue.next(labelerId);
    }

    @Override
    public UUID answer(UUID labelerId, UUID leaseId, JsonNode answer) {
        return answers.answer(labelerId, leaseId, answer).answerId();
    }

    @Override
    public void skip(UUID labelerId, UUID leaseId) {
        answers.skip(labelerId, leaseId);
    }

    @Override
    public LabelerActivity activity(UUID labelerId) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(ACTIVITY)) {
            query.setObject(1, labelerId);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return new LabelerActivity(row.getLong(1), row.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("A labeler's answers could not be counted", e);
        }
    }

    @Override
    public Workload workload() {
        return statistics.workload();
    }

    @Override
    public List<Long> answersPerHour(int hours) {
        return statistics.answersPerHour(hours);
    }

    @Override
    public Optional<ItemData> itemData(long itemId) {
        return statistics.itemData(itemId);
    }
}
