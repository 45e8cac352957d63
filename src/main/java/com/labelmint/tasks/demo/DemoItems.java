package com.labelmint.tasks.demo;

import com.labelmint.platform.demo.DemoContext;
import com.labelmint.platform.demo.DemoDataContributor;
import com.labelmint.platform.events.EventPublisher;
import com.labelmint.tasks.api.ItemsImported;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/** Reviews to label in the demo project, a few of them gold, so a labeler can try the loop at once. */
@ApplicationScoped
public class DemoItems implements DemoDataContributor {

    private static final List<String> REVIEWS = List.of(
            "Arrived in two days and works perfectly.", "Broke after a week. Waste of money.",
            "It is a phone case. It fits the phone.", "Battery lasts forever, I love it!",
            "The colour is not what the picture shows.", "Does the job, nothing special.",
            "Customer service replaced it without a question. Great.", "Smells of plastic and the lid leaks.",
            "Bought a second one for my mother.", "Instructions only in Korean, but it works.",
            "Too small. Returned it.", "Best kettle I have owned.", "Average sound, good price.",
            "Stopped charging after the update.", "Exactly as described.", "The strap snapped on day one.");
    private static final List<String[]> GOLD = List.of(
            new String[] {"Absolutely fantastic, five stars, would buy again!", "positive"},
            new String[] {"Terrible. It arrived broken and smells of smoke.", "negative"},
            new String[] {"The box contains one cable, one metre long.", "neutral"});

    private final DataSource dataSource;
    private final EventPublisher events;
    private final Clock clock;

    DemoItems(DataSource dataSource, EventPublisher events, Clock clock) {
        this.dataSource = dataSource;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public List<String> seed(DemoContext context) {
        UUID project = context.idOf(DemoContext.PROJECT);
        UUID importId = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO tasks.item (project_id, import_id, data, gold_answer, answers_needed) "
                        + "VALUES (?, ?, jsonb_build_object('review', ?::text), cast(? AS jsonb), 3)")) {
            for (String review : REVIEWS) {
                add(insert, project, importId, review, null);
            }
            for (String[] gold : GOLD) {
                add(insert, project, importId, gold[0], "{\"value\": \"" + gold[1] + "\"}");
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("Demo items could not be stored", e);
        }
        events.publish(new ItemsImported(UUID.randomUUID(), clock.instant(), project, importId, REVIEWS.size(), GOLD.size()));
        return List.of(REVIEWS.size() + " reviews to label (and " + GOLD.size() + " gold items): sign in as a labeler, then "
                + "curl -s -X POST localhost:8080/api/v1/tasks/next -H 'Authorization: Bearer <accessToken>'");
    }

    private static void add(PreparedStatement insert, UUID project, UUID importId, String review, String gold) throws SQLException {
        insert.setObject(1, project);
        insert.setObject(2, importId);
        insert.setString(3, review);
        insert.setString(4, gold);
        insert.addBatch();
    }
}
