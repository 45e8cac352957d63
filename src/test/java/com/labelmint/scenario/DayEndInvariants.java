package com.labelmint.scenario;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What the tables must say once a day is over, read as an operator would (plain SQL): nobody was given or answered
 * an item twice, no item was leased or answered beyond what it needs and its counters match its rows, every answer
 * reached consensus and was decided, every accepted answer was paid exactly once, and the event bus and Telegram's
 * inbox hold nothing undelivered. These are the promises several instances and their crashes could break without the
 * people's pages showing it: a slot leaked by a dead instance, an event lost between relay and consumer.
 */
final class DayEndInvariants {

    private static final int ROWS_SHOWN = 5;

    private record Check(String what, String sql) {
    }

    private static final List<Check> CHECKS = List.of(
            new Check("items answered more than once by one labeler", """
                    SELECT item_id, labeler_id, count(*) FROM tasks.answer GROUP BY item_id, labeler_id HAVING count(*) > 1"""),
            new Check("items leased more than once to one labeler", """
                    SELECT item_id, labeler_id, count(*) FROM tasks.lease GROUP BY item_id, labeler_id HAVING count(*) > 1"""),
            new Check("regular items whose counters disagree with their answers and open leases, or exceed their need", """
                    SELECT i.id, i.answers_count, i.leases_active, i.answers_needed,
                           (SELECT count(*) FROM tasks.answer a WHERE a.item_id = i.id) AS answers,
                           (SELECT count(*) FROM tasks.lease l WHERE l.item_id = i.id AND l.state = 'active') AS open_leases
                    FROM tasks.item i WHERE i.gold_answer IS NULL AND (
                        i.answers_count <> (SELECT count(*) FROM tasks.answer a WHERE a.item_id = i.id)
                        OR i.leases_active <> (SELECT count(*) FROM tasks.lease l WHERE l.item_id = i.id AND l.state = 'active')
                        OR i.answers_count + i.leases_active > i.answers_needed)"""),
            new Check("regular items with more accepted answers than they need", """
                    SELECT c.item_id, count(*), i.answers_needed FROM consensus.answer c JOIN tasks.item i ON i.id = c.item_id
                    WHERE c.verdict = 'accepted' AND i.gold_answer IS NULL
                    GROUP BY c.item_id, i.answers_needed HAVING count(*) > i.answers_needed"""),
            new Check("answers that never reached consensus", """
                    SELECT t.id, t.item_id, t.labeler_id FROM tasks.answer t
                    WHERE NOT EXISTS (SELECT 1 FROM consensus.answer c WHERE c.id = t.id)"""),
            new Check("answers consensus never decided", """
                    SELECT id, item_id, labeler_id FROM consensus.answer WHERE verdict IS NULL"""),
            new Check("accepted answers not paid exactly once", """
                    SELECT c.id, r.state, r.times_paid FROM consensus.answer c LEFT JOIN payments.answer_reward r ON r.answer_id = c.id
                    WHERE c.verdict = 'accepted' AND (r.state IS DISTINCT FROM 'paid' OR r.times_paid <> 1)"""),
            new Check("answers with more than one reward transfer into a labeler's balance", """
                    SELECT t.reason_id, count(*) FROM payments.transfer t JOIN payments.account a ON a.id = t.credit_account_id
                    WHERE t.reason_type = 'answer' AND a.kind = 'user' AND t.kind IN ('post-pending', 'posted')
                    GROUP BY t.reason_id HAVING count(*) > 1"""),
            new Check("events not delivered (by status and type)", """
                    SELECT status, type, count(*) FROM platform.outbox_event WHERE status <> 'DELIVERED' GROUP BY status, type"""),
            new Check("Telegram updates never handled", """
                    SELECT update_id, received_at FROM notifications.telegram_update WHERE handled_at IS NULL"""));

    private DayEndInvariants() {
    }

    /** One line per broken promise: what, and its first rows. Empty when all hold. */
    static List<String> violations(Connection connection) throws SQLException {
        List<String> violations = new ArrayList<>();
        for (Check check : CHECKS) {
            List<String> rows = firstRows(connection, check.sql());
            if (!rows.isEmpty()) {
                violations.add(check.what() + ": " + String.join("; ", rows));
            }
        }
        return violations;
    }

    private static List<String> firstRows(Connection connection, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            ResultSetMetaData columns = result.getMetaData();
            int more = 0;
            while (result.next()) {
                if (rows.size() == ROWS_SHOWN) {
                    more++;
                    continue;
                }
                List<String> values = new ArrayList<>();
                for (int column = 1; column <= columns.getColumnCount(); column++) {
                    values.add(columns.getColumnLabel(column) + "=" + result.getString(column));
                }
                rows.add(String.join(" ", values));
            }
            if (more > 0) {
                rows.add("and " + more + " more");
            }
        }
        return rows;
    }
}
