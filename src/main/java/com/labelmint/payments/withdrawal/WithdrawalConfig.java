package com.labelmint.payments.withdrawal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * {@code labelmint.payments.withdrawal.*} (docs/configuration.md). Amounts are USDT as decimal strings, like the API's.
 * How long a signed message stays valid is {@code labelmint.ton.message-ttl}, shared with every payout.
 */
@ConfigMapping(prefix = "labelmint.payments.withdrawal")
public interface WithdrawalConfig {

    /** The smallest withdrawal: below it the TON fees of a payout are out of proportion. */
    @WithDefault("5")
    String minimum();

    /** The most one person may withdraw in any 24 hours, counting withdrawals still held or on their way. */
    @WithDefault("2000")
    String dailyLimit();

    /** Withdrawals above this wait for an admin's approval before they are sent. */
    @WithDefault("500")
    String approvalThreshold();

    /** How often the sender looks for the next withdrawal to sign and send ({@code off} stops it). */
    @WithDefault("5s")
    String sendInterval();

    /** How often sent withdrawals are looked up on chain ({@code off} stops it). */
    @WithDefault("10s")
    String confirmationInterval();

    /** Signed messages per withdrawal that may expire unseen before it fails and its hold is released. */
    @WithDefault("3")
    int maxAttempts();
}
