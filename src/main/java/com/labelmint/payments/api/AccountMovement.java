package com.labelmint.payments.api;

import com.labelmint.platform.money.Money;
import java.time.Instant;
import java.util.UUID;

/**
 * One transfer as seen from one account.
 *
 * @param direction {@code in} or {@code out}
 * @param kind {@code posted}, {@code pending} (held, may still be voided), {@code post-pending} or {@code void-pending}
 * @param reasonType what the money was for: {@code answer}, {@code project}, {@code withdrawal}, {@code deposit}…
 */
public record AccountMovement(UUID id, Instant at, String direction, String kind, Money amount, String reasonType, UUID reasonId,
                          String note) {
}
