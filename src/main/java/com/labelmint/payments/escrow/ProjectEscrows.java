package com.labelmint.payments.escrow;

import com.labelmint.payments.api.ProjectFunded;
import com.labelmint.payments.ledger.AccountKind;
import com.labelmint.payments.ledger.Ledger;
import com.labelmint.payments.ledger.LedgerAccount;
import com.labelmint.payments.ledger.LedgerAccounts;
import com.labelmint.payments.ledger.TransferReason;
import com.labelmint.payments.ledger.TransferRequest;
import com.labelmint.payments.reward.RewardPayer;
import com.labelmint.platform.error.ProblemException;
import com.labelmint.platform.events.EventPublisher;
import com.labelmint.platform.idempotency.IdempotencyKeys;
import com.labelmint.platform.money.Currency;
import com.labelmint.platform.money.Money;
import com.labelmint.projects.api.ProjectStatus;
import com.labelmint.projects.api.ProjectView;
import com.labelmint.projects.api.ProjectsApi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.UUID;
import javax.sql.DataSource;

/** A project's budget: the client funds it from their balance and reads where it went. */
@ApplicationScoped
public class ProjectEscrows {

    private static final String OWED = """
            SELECT count(*), coalesce(sum(gross), 0) FROM payments.answer_reward WHERE project_id = ? AND state = 'owed' AND currency = ?""";

    private final DataSource dataSource;
    private final ProjectsApi projects;
    private final Ledger ledger;
    private final LedgerAccounts accounts;
    private final RewardPayer rewards;
    private final EventPublisher events;
    private final Clock clock;

    ProjectEscrows(DataSource dataSource, ProjectsApi projects, Ledger ledger, LedgerAccounts accounts, RewardPayer rewards,
                   EventPublisher events, Clock clock) {
        this.dataSource = dataSource;
        this.projects = projects;
        this.ledger = ledger;
        this.accounts = accounts;
        this.rewards = rewards;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Moves {@code amount} from the caller's balance into the project's escrow, once per {@code idempotencyKey},
     * then pays the rewards that were waiting for money.
     */
    @Transactional
    public EscrowView fund(UUID callerId, UUID projectId, Money amount, String idempotencyKey) throws SQLException {
        ProjectView project = managed(callerId, false, projectId);
        if (project.status() == ProjectStatus.COMPLETED || project.status() == ProjectStatus.ARCHIVED) {
            throw ProblemException.conflict("project-closed", "A " + project.status().name().toLowerCase() + " project takes no more funds");
        }
        String key = IdempotencyKeys.required(idempotencyKey, "Funding");
        if (amount.units() <= 0) {
            throw ProblemException.badRequest("bad-amount", "Fund a project with a positive amount, not " + amount);
        }
        try (Connection connection = dataSource.getConnection()) {
            UUID client = accounts.open(connection, AccountKind.USER, callerId, amount.currency()).id();
            UUID escrow = accounts.open(connection, AccountKind.PROJECT_ESCROW, projectId, amount.currency()).id();
            UUID transferId = UUID.nameUUIDFromBytes(("fund:" + callerId + ":" + key).getBytes(StandardCharsets.UTF_8));
            boolean repeated = ledger.transfer(connection, TransferRequest.posted(transferId, client, escrow, amount,
                    TransferReason.of("project", projectId).withNote("funding"))).repeated();
            if (!repeated) {
                rewards.payOwed(connection, projectId);
                EscrowView view = view(connection, projectId, amount.currency());
                events.publish(new ProjectFunded(UUID.randomUUID(), clock.instant(), projectId, callerId, amount, view.available()));
                return view;
            }
            return view(connection, projectId, amount.currency());
        }
    }

    public EscrowView view(UUID callerId, boolean admin, UUID projectId) throws SQLException {
        managed(callerId, admin, projectId);
        try (Connection connection = dataSource.getConnection()) {
            return view(connection, projectId, Currency.USDT);
        }
    }

    private ProjectView managed(UUID callerId, boolean admin, UUID projectId) {
        return projects.find(projectId).filter(project -> admin || project.managedBy(callerId))
                .orElseThrow(() -> ProblemException.notFound("Project " + projectId));
    }

    private EscrowView view(Connection connection, UUID projectId, Currency currency) throws SQLException {
        LedgerAccount escrow = accounts.find(connection, AccountKind.PROJECT_ESCROW, projectId, currency)
                .orElse(new LedgerAccount(null, AccountKind.PROJECT_ESCROW, projectId, currency, 0, 0, 0, 0));
        try (PreparedStatement query = connection.prepareStatement(OWED)) {
            query.setObject(1, projectId);
            query.setString(2, currency.name());
            try (ResultSet owed = query.executeQuery()) {
                owed.next();
                return new EscrowView(projectId, Money.ofUnits(escrow.creditsPosted(), currency), escrow.available(), escrow.held(),
                        Money.ofUnits(escrow.debitsPosted(), currency), Money.ofUnits(owed.getLong(2), currency), owed.getLong(1));
            }
        }
    }
}
