package com.labelmint.notifications;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code labelmint.notifications.*}: how notifications are delivered, digested and when a budget counts as low. */
@ConfigMapping(prefix = "labelmint.notifications")
public interface NotificationsConfig {

    Delivery delivery();

    Digest digest();

    BudgetLow budgetLow();

    interface Delivery {

        /**
         * How often the worker looks for due deliveries (and due digests): a duration, or {@code off} on an instance
         * that leaves sending to others. Read by the scheduler from the property itself, hence a string here.
         */
        @WithDefault("1s")
        String pollInterval();

        /** Deliveries claimed at a time. */
        @WithDefault("50")
        int batch();

        /** Attempts per delivery before it is parked as failed for an admin to retry. */
        @WithDefault("8")
        int maxAttempts();

        /** The wait after the first failed attempt; it doubles after each further one, up to {@link #maxBackoff}. */
        @WithDefault("30s")
        Duration initialBackoff();

        @WithDefault("1h")
        Duration maxBackoff();

        /**
         * How long a claimed delivery is left to the instance that claimed it: one that dies mid-send leaves the row
         * to be claimed again after this (at least once). Longer than any send takes.
         */
        @WithDefault("2m")
        Duration lease();
    }

    interface Digest {

        /** "Tasks available" notices within this long after the first one become one notification. */
        @WithDefault("15m")
        Duration window();
    }

    interface BudgetLow {

        /**
         * The client is told when the escrow can pay for less than this share of the project's remaining answers
         * (items still to answer × overlap × reward); told again only after it rose above it.
         */
        @WithDefault("0.25")
        double threshold();
    }
}
