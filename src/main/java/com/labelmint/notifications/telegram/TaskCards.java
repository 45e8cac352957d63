package com.labelmint.notifications.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.labelmint.projects.api.LabelSpec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The cards the bot has shown. A card's id is 128 random bits: its buttons carry it, and nobody can guess another
 * card's. One card is open per person: a newer one closes the older ones, so only the buttons under the latest task
 * act.
 */
@ApplicationScoped
public class TaskCards {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final TypeReference<List<LabelSpec.Option>> OPTIONS = new TypeReference<>() {
    };

    private static final String CLOSE_OLDER = "UPDATE notifications.telegram_card SET state = 'closed' WHERE account_id = ? AND state = 'open'";

    private static final String INSERT = "INSERT INTO notifications.telegram_card (id, chat_id, telegram_user_id, account_id, lease_id, "
            + "options, multiple, min_selected, max_selected, photo) VALUES (?, ?, ?, ?, ?, cast(? AS jsonb), ?, ?, ?, ?)";

    private static final String LOCK = "SELECT id, chat_id, telegram_user_id, account_id, lease_id, options::text, multiple, min_selected, "
            + "max_selected, selected, photo, state FROM notifications.telegram_card WHERE id = ? FOR UPDATE";

    private static final String SELECT = "UPDATE notifications.telegram_card SET selected = ? WHERE id = ?";

    private static final String END = "UPDATE notifications.telegram_card SET state = ? WHERE id = ?";

    private final DataSource dataSource;
    private final ObjectMapper json;

    TaskCards(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /** A card for a single- or multiple-choice task; other labels are not answered in chat. */
    @Transactional(Transactional.TxType.MANDATORY)
    public TaskCard create(long chatId, long telegramUserId, UUID accountId, UUID leaseId, LabelSpec label, boolean photo) {
        boolean multiple = label instanceof LabelSpec.MultipleChoice;
        List<LabelSpec.Option> options = multiple ? ((LabelSpec.MultipleChoice) label).options() : ((LabelSpec.SingleChoice) label).options();
        int min = multiple ? ((LabelSpec.MultipleChoice) label).minSelected() : 1;
        int max = multiple ? ((LabelSpec.MultipleChoice) label).maxSelected() : 1;
        String id = randomId();
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement close = connection.prepareStatement(CLOSE_OLDER)) {
                close.setObject(1, accountId);
                close.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                insert.setString(1, id);
                insert.setLong(2, chatId);
                insert.setLong(3, telegramUserId);
                insert.setObject(4, accountId);
                insert.setObject(5, leaseId);
                insert.setString(6, json.writeValueAsString(options));
                insert.setBoolean(7, multiple);
                insert.setInt(8, min);
                insert.setInt(9, max);
                insert.setBoolean(10, photo);
                insert.executeUpdate();
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("A task card could not be stored", e);
        }
        return new TaskCard(id, chatId, telegramUserId, accountId, leaseId, options, multiple, min, max, Set.of(), photo, TaskCard.OPEN);
    }

    /** The card, locked until the transaction ends: two presses of its buttons are handled one after the other. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<TaskCard> lock(String id) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(LOCK)) {
            query.setString(1, id);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new TaskCard(row.getString(1), row.getLong(2), row.getLong(3), row.getObject(4, UUID.class),
                        row.getObject(5, UUID.class), json.readValue(row.getString(6), OPTIONS), row.getBoolean(7), row.getInt(8),
                        row.getInt(9), Set.of((String[]) row.getArray(10).getArray()), row.getBoolean(11), row.getString(12)));
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("Task card " + id + " could not be read", e);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public TaskCard select(TaskCard card, Set<String> selected) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement update = connection.prepareStatement(SELECT)) {
            Array values = connection.createArrayOf("text", selected.toArray());
            update.setArray(1, values);
            update.setString(2, card.id());
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Task card " + card.id() + " could not be updated", e);
        }
        return new TaskCard(card.id(), card.chatId(), card.telegramUserId(), card.accountId(), card.leaseId(), card.options(),
                card.multiple(), card.minSelected(), card.maxSelected(), Set.copyOf(selected), card.photo(), card.state());
    }

    /** Its buttons do nothing from now on. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void end(TaskCard card, String state) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement update = connection.prepareStatement(END)) {
            update.setString(1, state);
            update.setString(2, card.id());
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Task card " + card.id() + " could not be closed", e);
        }
    }

    private static String randomId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
