package com.labelmint.payments.reward;

import com.labelmint.platform.money.Currency;
import com.labelmint.platform.money.Money;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Where one answer's reward stands (see the payments.answer_reward table). */
record AnswerReward(UUID answerId, UUID projectId, UUID labelerId, Currency currency, long gross, long fee, State state, UUID holdId,
                    int timesPaid) {

    enum State {
        HELD("held"), UNFUNDED("unfunded"), PAID("paid"), OWED("owed"), VOID("void"), CLAWED_BACK("clawed-back");

        final String dbName;

        State(String dbName) {
            this.dbName = dbName;
        }

        static State ofDbName(String dbName) {
            for (State state : values()) {
                if (state.dbName.equals(dbName)) {
                    return state;
                }
            }
            throw new IllegalArgumentException("Unknown reward state " + dbName);
        }
    }

    Money grossMoney() {
        return Money.ofUnits(gross, currency);
    }

    Money net() {
        return Money.ofUnits(gross - fee, currency);
    }

    Money feeMoney() {
        return Money.ofUnits(fee, currency);
    }

    AnswerReward in(State next, UUID nextHoldId) {
        return new AnswerReward(answerId, projectId, labelerId, currency, gross, fee, next, nextHoldId, timesPaid);
    }

    AnswerReward paidOnceMore() {
        return new AnswerReward(answerId, projectId, labelerId, currency, gross, fee, State.PAID, null, timesPaid + 1);
    }

    /**
     * The id of one movement of this reward: the same movement always gets the same id (a redelivered event
     * moves nothing twice), and each payment turn its own.
     */
    UUID transferId(String movement) {
        String name = "answer-reward:" + answerId + ":" + movement + ":" + timesPaid;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
