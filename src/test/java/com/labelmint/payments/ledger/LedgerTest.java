package com.labelmint.payments.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.labelmint.platform.money.Currency;
import com.labelmint.platform.money.Money;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ledger's single-threaded guarantees; {@link LedgerConcurrencyTest} runs real threads against them. */
@QuarkusTest
class LedgerTest {

    @Inject
    Ledger ledger;

    @Inject
    LedgerAccounts accounts;

    @Inject
    LedgerInvariants invariants;

    @Inject
    DataSource dataSource;

    private LedgerSandbox sandbox;
    private UUID wallet;
    private UUID alice;
    private UUID bob;

    @BeforeEach
    void accounts() throws Exception {
        sandbox = new LedgerSandbox(dataSource, ledger, accounts);
        wallet = sandbox.account(AccountKind.TON_HOT_WALLET);
        alice = sandbox.account(AccountKind.USER);
        bob = sandbox.account(AccountKind.USER);
        sandbox.move(TransferRequest.posted(UUID.randomUUID(), wallet, alice, usdt(100), deposit()));
    }

    @Test
    void aTransferMovesMoneyOnceUnderItsId() throws Exception {
        TransferRequest request = TransferRequest.posted(UUID.randomUUID(), alice, bob, usdt(30), deposit());
        TransferOutcome first = sandbox.inTransaction(connection -> ledger.transfer(connection, request));
        TransferOutcome again = sandbox.inTransaction(connection -> ledger.transfer(connection, request));

        assertThat(first.repeated()).isFalse();
        assertThat(again.repeated()).isTrue();
        assertThat(again.transfer()).isEqualTo(first.transfer());
        assertThat(sandbox.read(alice).balance()).isEqualTo(usdt(70));
        assertThat(sandbox.read(bob).balance()).isEqualTo(usdt(30));
        assertThat(sandbox.read(wallet).balance()).isEqualTo(usdt(-100));
        assertThat(sandbox.inTransaction(invariants::violations)).isEmpty();
    }

    @Test
    void aDifferentTransferUnderAUsedIdIsRefused() throws Exception {
        UUID id = UUID.randomUUID();
        sandbox.move(TransferRequest.posted(id, alice, bob, usdt(30), deposit()));

        assertThatThrownBy(() -> sandbox.move(TransferRequest.posted(id, alice, bob, usdt(31), deposit())))
                .isInstanceOf(LedgerRefusal.TransferIdReused.class);
        assertThatThrownBy(() -> sandbox.move(TransferRequest.posted(id, bob, alice, usdt(30), deposit())))
                .isInstanceOf(LedgerRefusal.TransferIdReused.class);
        assertThat(sandbox.read(bob).balance()).isEqualTo(usdt(30));
    }

    @Test
    void anOverdraftIsRefusedAndTheCallersTransactionGoesOn() throws Exception {
        UUID refused = UUID.randomUUID();
        UUID afterwards = UUID.randomUUID();
        boolean refusedInside = sandbox.inTransaction(connection -> {
            boolean wasRefused = false;
            try {
                ledger.transfer(connection, TransferRequest.posted(refused, alice, bob, usdt(101), deposit()));
            } catch (LedgerRefusal.InsufficientFunds expected) {
                wasRefused = true;
            }
            return wasRefused && !ledger.transfer(connection, TransferRequest.posted(afterwards, alice, bob, usdt(100), deposit())).repeated();
        });

        assertThat(refusedInside).isTrue();
        assertThat(sandbox.find(refused)).isNull();
        assertThat(sandbox.find(afterwards)).isNotNull();
        assertThat(sandbox.read(alice).balance()).isEqualTo(usdt(0));
        assertThatThrownBy(() -> sandbox.move(TransferRequest.posted(UUID.randomUUID(), alice, bob, Money.ofUnits(1, Currency.USDT),
                deposit()))).isInstanceOf(LedgerRefusal.InsufficientFunds.class);
    }

    @Test
    void theHotWalletCannotSendMoreThanItReceived() throws Exception {
        assertThatThrownBy(() -> sandbox.move(TransferRequest.posted(UUID.randomUUID(), alice, wallet, Money.ofUnits(100_000_001, Currency.USDT),
                deposit()))).isInstanceOf(LedgerRefusal.InsufficientFunds.class);
        sandbox.move(TransferRequest.posted(UUID.randomUUID(), alice, wallet, usdt(100), deposit()));
        assertThat(sandbox.read(wallet).balance()).isEqualTo(usdt(0));
    }

    @Test
    void zeroNegativeAndForeignAccountsAreRefused() throws Exception {
        assertThatThrownBy(() -> sandbox.move(TransferRequest.posted(UUID.randomUUID(), alice, bob, usdt(0), deposit())))
                .isInstanceOf(LedgerRefusal.BadAmount.class);
        assertThatThrownBy(() -> sandbox.move(TransferRequest.posted(UUID.randomUUID(), alice, bob, usdt(-5), deposit())))
                .isInstanceOf(LedgerRefusal.BadAmount.class);
        assertThatThrownBy(() -> sandbox.move(TransferRequest.posted(UUID.randomUUID(), alice, UUID.randomUUID(), usdt(5), deposit())))
                .isInstanceOf(LedgerRefusal.BadAccount.class);
        assertThatThrownBy(() -> sandbox.move(TransferRequest.posted(UUID.randomUUID(), alice, alice, usdt(5), deposit())))
                .isInstanceOf(LedgerRefusal.BadAccount.class);
        assertThat(sandbox.read(alice).balance()).isEqualTo(usdt(100));
    }

    @Test
    void aPendingTransferHoldsThenPostsInPartAndReleasesTheRest() throws Exception {
        UUID hold = UUID.randomUUID();
        sandbox.move(TransferRequest.pending(hold, alice, bob, usdt(40), deposit()));
        assertThat(sandbox.read(alice).available()).isEqualTo(usdt(60));
        assertThat(sandbox.read(alice).balance()).isEqualTo(usdt(100));
        assertThat(sandbox.read(bob).incoming()).isEqualTo(usdt(40));
        assertThatThrownBy(() -> sandbox.move(TransferRequest.posted(UUID.randomUUID(), alice, bob, usdt(61), deposit())))
                .isInstanceOf(LedgerRefusal.InsufficientFunds.class);

        TransferRequest post = TransferRequest.postPending(UUID.randomUUID(), hold, usdt(36), deposit());
        sandbox.move(post);
        sandbox.move(post);

        assertThat(sandbox.read(alice).balance()).isEqualTo(usdt(64));
        assertThat(sandbox.read(alice).available()).isEqualTo(usdt(64));
        assertThat(sandbox.read(bob).balance()).isEqualTo(usdt(36));
        assertThat(sandbox.read(bob).incoming()).isEqualTo(usdt(0));
        assertThatThrownBy(() -> sandbox.move(TransferRequest.voidPending(UUID.randomUUID(), hold, deposit())))
                .isInstanceOf(LedgerRefusal.PendingNotOpen.class);
        assertThat(sandbox.inTransaction(invariants::violations)).isEmpty();
    }

    @Test
    void aVoidedHoldReleasesEverythingAndCannotBePostedAfterwards() throws Exception {
        UUID hold = UUID.randomUUID();
        sandbox.move(TransferRequest.pending(hold, alice, bob, usdt(40), deposit()));
        assertThatThrownBy(() -> sandbox.move(TransferRequest.postPending(UUID.randomUUID(), hold, usdt(41), deposit())))
                .isInstanceOf(LedgerRefusal.BadAmount.class);
        sandbox.move(TransferRequest.voidPending(UUID.randomUUID(), hold, deposit()));

        assertThat(sandbox.read(alice).available()).isEqualTo(usdt(100));
        assertThat(sandbox.read(bob).incoming()).isEqualTo(usdt(0));
        assertThatThrownBy(() -> sandbox.move(TransferRequest.postPending(UUID.randomUUID(), hold, null, deposit())))
                .isInstanceOf(LedgerRefusal.PendingNotOpen.class);
        assertThatThrownBy(() -> sandbox.move(TransferRequest.voidPending(UUID.randomUUID(), UUID.randomUUID(), deposit())))
                .isInstanceOf(LedgerRefusal.PendingNotOpen.class);
    }

    @Test
    void storedTransfersCannotBeChangedOrDeleted() throws Exception {
        UUID id = UUID.randomUUID();
        sandbox.move(TransferRequest.posted(id, alice, bob, usdt(30), deposit()));

        assertThatThrownBy(() -> sandbox.execute("UPDATE payments.transfer SET amount = 1 WHERE id = ?", id))
                .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> sandbox.execute("DELETE FROM payments.transfer WHERE id = ?", id))
                .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        assertThat(sandbox.find(id).amount()).isEqualTo(usdt(30));
    }

    @Test
    void theDatabaseRefusesAnOverdraftEvenWhenTheCodeIsBypassed() {
        assertThatThrownBy(() -> sandbox.execute("UPDATE payments.account SET debits_posted = debits_posted + 101000000 WHERE id = ?",
                alice)).isInstanceOf(SQLException.class).hasMessageContaining("check");
    }

    @Test
    void theInvariantCheckNoticesTotalsThatDoNotMatchTheirTransfers() throws Exception {
        UUID carol = sandbox.account(AccountKind.USER);
        UUID dave = sandbox.account(AccountKind.USER);
        try {
            // money created out of nothing, as a buggy hand-written UPDATE would
            sandbox.execute("UPDATE payments.account SET credits_posted = credits_posted + 5 WHERE id = ?", carol);
            assertThat(sandbox.inTransaction(invariants::violations))
                    .anyMatch(violation -> violation.contains("USDT does not sum to zero"))
                    .anyMatch(violation -> violation.contains(carol + " totals differ"));
        } finally {
            sandbox.execute("UPDATE payments.account SET credits_posted = credits_posted - 5 WHERE id = ?", carol);
        }
        assertThat(sandbox.inTransaction(invariants::violations)).noneMatch(violation -> violation.contains(dave.toString()));
    }

    private static Money usdt(long whole) {
        return Money.ofUnits(whole * 1_000_000, Currency.USDT);
    }

    private static TransferReason deposit() {
        return TransferReason.of("test", UUID.randomUUID());
    }
}
