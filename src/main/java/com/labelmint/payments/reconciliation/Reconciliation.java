package com.labelmint.payments.reconciliation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.labelmint.payments.api.ReconciliationReport;
import com.labelmint.payments.ledger.AccountKind;
import com.labelmint.payments.ledger.LedgerAccount;
import com.labelmint.payments.ledger.LedgerAccounts;
import com.labelmint.payments.ledger.LedgerInvariants;
import com.labelmint.platform.money.Currency;
import com.labelmint.platform.money.Money;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Proves the ledger on a schedule: its invariants, and the hot wallet's ledger balance against the chain's. A
 * run that finds anything wrong is stored, logged as an error, shown on the metrics
 * ({@code labelmint_ledger_reconciliation_clean} drops to 0) and stops withdrawals until a clean run.
 *
 * <p>The chain may hold less than the ledger by at most the withdrawals in flight (sent, not yet final), and more
 * only by the deposits nobody's memo matched (kept for an admin to assign): money the ledger cannot account for is
 * as alarming as money missing.
 */
@ApplicationScoped
public class Reconciliation {

    private static final Logger LOG = Logger.getLogger(Reconciliation.class);

    private static final String IN_FLIGHT = """
            SELECT coalesce(sum(p.amount), 0) FROM payments.transfer p
            WHERE p.credit_account_id = ? AND p.kind = 'pending'
              AND NOT EXISTS (SELECT 1 FROM payments.transfer s WHERE s.pending_id = p.id)""";

    private static final String UNMATCHED_DEPOSITS = """
            SELECT coalesce(sum(amount), 0) FROM payments.deposit WHERE status = 'unmatched' AND currency = ?""";

    private static final String INSERT = """
            INSERT INTO payments.reconciliation (id, ran_at, clean, violations, currency, hot_wallet_ledger, hot_wallet_chain, in_flight)
            VALUES (?, ?, ?, cast(? AS jsonb), ?, ?, ?, ?)""";

    private static final String RECENT = """
            SELECT id, ran_at, clean, violations::text, currency, hot_wallet_ledger, hot_wallet_chain, in_flight
            FROM payments.reconciliation ORDER BY ran_at DESC LIMIT ?""";

    private final DataSource dataSource;
    private final LedgerInvariants invariants;
    private final LedgerAccounts accounts;
    private final HotWalletChainBalance chain;
    private final ObjectMapper json;
    private final Clock clock;
    /** 1 after a clean run, 0 after a run that found something; 1 before the first run. */
    private final AtomicLong clean = new AtomicLong(1);

    Reconciliation(DataSource dataSource, LedgerInvariants invariants, LedgerAccounts accounts, HotWalletChainBalance chain,
                   ObjectMapper json, Clock clock, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.invariants = invariants;
        this.accounts = accounts;
        this.chain = chain;
        this.json = json;
        this.clock = clock;
        Gauge.builder("labelmint.ledger.reconciliation.clean", clean, AtomicLong::get)
                .description("1 when the latest reconciliation found the ledger sound and the hot wallet matching the chain")
                .register(registry);
    }

    @Scheduled(identity = "ledger-reconciliation", every = "${labelmint.payments.reconciliation-interval:10m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() throws SQLException {
        run();
    }

    /** Runs now and stores the report. */
    public ReconciliationReport run() throws SQLException {
        Currency currency = Currency.USDT;
        // asked before the ledger is read: a withdrawal that completes in between shows as in flight, not missing
        Optional<Money> onChain = chain.balance(currency);
        ReconciliationReport report = QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                List<String> violations = new ArrayList<>(invariants.violations(connection));
                LedgerAccount wallet = accounts.platform(connection, AccountKind.TON_HOT_WALLET, currency);
                Money ledger = Money.ofUnits(wallet.debitsPosted() - wallet.creditsPosted(), currency);
                Money inFlight = Money.ofUnits(sum(connection, IN_FLIGHT, wallet.id()), currency);
                Money unmatched = Money.ofUnits(sum(connection, UNMATCHED_DEPOSITS, currency.name()), currency);
                onChain.ifPresent(chainBalance -> compare(chainBalance, ledger, inFlight, unmatched, violations));
                ReconciliationReport made = new ReconciliationReport(UUID.randomUUID(), clock.instant(), violations.isEmpty(),
                        List.copyOf(violations), ledger, onChain.orElse(null), inFlight);
                store(connection, made);
                return made;
            }
        });
        clean.set(report.clean() ? 1 : 0);
        if (!report.clean()) {
            LOG.errorf("Ledger reconciliation %s found problems; withdrawals stop until a clean run: %s", report.id(), report.violations());
        }
        return report;
    }

    /** Whether withdrawals may go out: the latest run was clean (or none has run yet on a fresh ledger). */
    public boolean withdrawalsAllowed() throws SQLException {
        List<ReconciliationReport> latest = recent(1);
        return latest.isEmpty() || latest.get(0).clean();
    }

    public List<ReconciliationReport> recent(int limit) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(RECENT)) {
            query.setInt(1, limit);
            List<ReconciliationReport> reports = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    Currency currency = Currency.valueOf(row.getString(5));
                    long chainUnits = row.getLong(7);
                    Money chainBalance = row.wasNull() ? null : Money.ofUnits(chainUnits, currency);
                    reports.add(new ReconciliationReport(row.getObject(1, UUID.class), row.getTimestamp(2).toInstant(), row.getBoolean(3),
                            violations(row.getString(4)), Money.ofUnits(row.getLong(6), currency), chainBalance,
                            Money.ofUnits(row.getLong(8), currency)));
                }
            }
            return reports;
        }
    }

    private static void compare(Money chainBalance, Money ledger, Money inFlight, Money unmatched, List<String> violations) {
        long difference = chainBalance.units() - ledger.units();
        if (difference > unmatched.units() || -difference > inFlight.units()) {
            violations.add("The hot wallet holds " + chainBalance + " on chain; the ledger says " + ledger + " with " + inFlight
                    + " in flight and " + unmatched + " of unmatched deposits");
        }
    }

    private static long sum(Connection connection, String sql, Object parameter) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setObject(1, parameter);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private void store(Connection connection, ReconciliationReport report) throws SQLException, JsonProcessingException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setObject(1, report.id());
            insert.setTimestamp(2, Timestamp.from(report.ranAt()));
            insert.setBoolean(3, report.clean());
            insert.setString(4, json.writeValueAsString(report.violations()));
            insert.setString(5, report.hotWalletLedger().currency().name());
            insert.setLong(6, report.hotWalletLedger().units());
            if (report.hotWalletChain() == null) {
                insert.setNull(7, Types.BIGINT);
            } else {
                insert.setLong(7, report.hotWalletChain().units());
            }
            insert.setLong(8, report.inFlight().units());
            insert.executeUpdate();
        }
    }

    private List<String> violations(String stored) {
        try {
            return json.readValue(stored, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable reconciliation violations: " + stored, e);
        }
    }
}
