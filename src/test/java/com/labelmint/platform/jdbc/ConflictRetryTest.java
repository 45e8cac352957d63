package com.labelmint.platform.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link RetriedOnConflict} against PostgreSQL's own deadlock detection, with two real threads. */
@QuarkusTest
class ConflictRetryTest {

    @Inject
    CrossedRowLocks work;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void twoRowsAtZero() throws Exception {
        execute("CREATE TABLE IF NOT EXISTS " + CrossedRowLocks.TABLE + " (id int PRIMARY KEY, n int NOT NULL)");
        execute("TRUNCATE " + CrossedRowLocks.TABLE);
        execute("INSERT INTO " + CrossedRowLocks.TABLE + " VALUES (1, 0), (2, 0)");
    }

    @Test
    void twoTransactionsThatDeadlockBothCompleteAndEachCountsOnce() throws Exception {
        CyclicBarrier meeting = new CyclicBarrier(2);
        AtomicInteger oneThenTwo = new AtomicInteger();
        AtomicInteger twoThenOne = new AtomicInteger();
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try {
            List<Future<Object>> calls = List.of(
                    callers.submit(() -> {
                        work.countUpBoth(1, 2, meeting, oneThenTwo);
                        return null;
                    }),
                    callers.submit(() -> {
                        work.countUpBoth(2, 1, meeting, twoThenOne);
                        return null;
                    }));
            for (Future<Object> call : calls) {
                call.get(30, TimeUnit.SECONDS); // throws if either call failed
            }
        } finally {
            callers.shutdownNow();
        }

        // PostgreSQL undid one of them (the deadlock), which ran again; the undone attempt left nothing behind
        assertThat(oneThenTwo.get() + twoThenOne.get()).isEqualTo(3);
        assertThat(counts()).containsExactly(2, 2);
    }

    @Test
    void aFailureThatIsNotAConflictIsNotTriedAgain() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> work.countUpAndFail(1, attempts)).isInstanceOf(IllegalStateException.class);
        assertThat(attempts.get()).isEqualTo(1);
        assertThat(counts()).containsExactly(0, 0);
    }

    @Test
    void insideACallersTransactionTheConflictIsTheCallersToHandle() {
        CyclicBarrier meeting = new CyclicBarrier(2);
        AtomicInteger outerAttempts = new AtomicInteger();
        AtomicInteger plainAttempts = new AtomicInteger();
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try {
            Future<Object> outer = callers.submit(() -> QuarkusTransaction.requiringNew().call(() -> {
                work.countUpBoth(1, 2, meeting, outerAttempts);
                return null;
            }));
            Future<Object> plain = callers.submit(() -> {
                work.countUpBoth(2, 1, meeting, plainAttempts);
                return null;
            });
            int failed = 0;
            for (Future<Object> call : List.of(outer, plain)) {
                try {
                    call.get(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    assertThat(TransactionConflicts.lostToAnother(e)).as("%s", e).isTrue();
                    failed++;
                }
            }
            // either the outer one lost (not retried: it fails) or the plain one lost (retried: both succeed)
            assertThat(outerAttempts.get()).isEqualTo(1);
            assertThat(failed).isEqualTo(plainAttempts.get() == 2 ? 0 : 1);
        } finally {
            callers.shutdownNow();
        }
    }

    private List<Integer> counts() {
        try (Connection connection = dataSource.getConnection(); Statement query = connection.createStatement();
             ResultSet rows = query.executeQuery("SELECT n FROM " + CrossedRowLocks.TABLE + " ORDER BY id")) {
            List<Integer> counts = new ArrayList<>();
            while (rows.next()) {
                counts.add(rows.getInt(1));
            }
            return counts;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void execute(String sql) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
