package com.labelmint.payments.demo;

import com.labelmint.payments.escrow.ProjectEscrows;
import com.labelmint.payments.ledger.AccountKind;
import com.labelmint.payments.ledger.Ledger;
import com.labelmint.payments.ledger.LedgerAccounts;
import com.labelmint.payments.ledger.TransferReason;
import com.labelmint.payments.ledger.TransferRequest;
import com.labelmint.platform.demo.DemoContext;
import com.labelmint.platform.demo.DemoDataContributor;
import com.labelmint.platform.money.Currency;
import com.labelmint.platform.money.Money;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The demo client starts with money, as if a deposit had arrived, and the demo project is funded, so the demo's
 * labelers are paid as they answer.
 */
@ApplicationScoped
public class DemoMoney implements DemoDataContributor {

    private static final Money DEPOSIT = Money.parse("100", Currency.USDT);
    private static final Money FUNDING = Money.parse("20", Currency.USDT);

    private final DataSource dataSource;
    private final Ledger ledger;
    private final LedgerAccounts accounts;
    private final ProjectEscrows escrows;

    DemoMoney(DataSource dataSource, Ledger ledger, LedgerAccounts accounts, ProjectEscrows escrows) {
        this.dataSource = dataSource;
        this.ledger = ledger;
        this.accounts = accounts;
        this.escrows = escrows;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public List<String> seed(DemoContext context) {
        UUID client = context.idOf(DemoContext.CLIENT);
        UUID project = context.idOf(DemoContext.PROJECT);
        try (Connection connection = dataSource.getConnection()) {
            UUID wallet = accounts.platform(connection, AccountKind.TON_HOT_WALLET, Currency.USDT).id();
            UUID balance = accounts.open(connection, AccountKind.USER, client, Currency.USDT).id();
            ledger.transfer(connection, TransferRequest.posted(UUID.randomUUID(), wallet, balance, DEPOSIT,
                    TransferReason.of("deposit", client).withNote("demo deposit")));
        } catch (SQLException e) {
            throw new IllegalStateException("The demo deposit could not be made", e);
        }
        try {
            escrows.fund(client, project, FUNDING, "demo-funding");
        } catch (SQLException e) {
            throw new IllegalStateException("The demo project could not be funded", e);
        }
        return List.of("The demo client has " + DEPOSIT + " (a demo deposit) and funded the demo project with " + FUNDING
                + ": GET /api/v1/wallet and GET /api/v1/projects/" + project + "/escrow show where it goes");
    }
}
