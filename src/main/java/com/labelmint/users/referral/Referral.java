package com.labelmint.users.referral;

import java.util.UUID;

/**
 * An account's referral link and what it brought.
 *
 * @param link the t.me link that starts the bot with this code; {@code null} while the bot's username is not configured
 * @param referrals how many accounts arrived through the link
 * @param referredBy whose link brought this account, if anyone's
 */
public record Referral(String code, String link, long referrals, UUID referredBy) {
}
