package com.labelmint.admin;

import static io.restassured.RestAssured.given;

import com.labelmint.payments.HotWalletMoney;
import com.labelmint.payments.ledger.Ledger;
import com.labelmint.payments.ledger.LedgerAccounts;
import com.labelmint.payments.ton.StandInTonChain;
import com.labelmint.payments.ton.TonNetwork;
import com.labelmint.testing.TestAccounts;
import com.labelmint.testing.TestAccounts.Person;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Withdrawals as labelers make them, through the public API, for the console's tests under
 * {@link com.labelmint.payments.withdrawal.WithdrawalProfile} (approval above 50 USDT, at most 100 a day).
 */
final class WithdrawalFixtures {

    static final String ADDRESS = StandInTonChain.LABELER.userFriendly(TonNetwork.MAINNET, false);

    private WithdrawalFixtures() {
    }

    record Requested(UUID id, Person labeler) {
    }

    /** A labeler with 100 USDT asks for 60: above the approval threshold, so it waits for an admin, held. */
    static Requested awaitingApproval(DataSource dataSource, LedgerAccounts accounts, Ledger ledger) {
        Person labeler = TestAccounts.signedIn("labeler");
        HotWalletMoney.deposit(dataSource, accounts, ledger, labeler.id(), "100");
        String id = given().auth().oauth2(labeler.accessToken()).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(Map.of("amount", "60", "address", ADDRESS))
                .post("/api/v1/wallet/withdrawals").then().statusCode(201).extract().path("id");
        return new Requested(UUID.fromString(id), labeler);
    }

    /** The person's available and held USDT, as their wallet shows them. */
    static String balanceOf(Person labeler) {
        var wallet = given().auth().oauth2(labeler.accessToken()).get("/api/v1/wallet").then().statusCode(200).extract().jsonPath();
        return wallet.getString("balances[0].available.amount") + " available, " + wallet.getString("balances[0].held.amount") + " held";
    }
}
