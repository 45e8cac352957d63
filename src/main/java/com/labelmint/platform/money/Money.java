package com.labelmint.platform.money;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * An amount as a whole number of a currency's base units; never a float. In JSON it travels as a decimal
 * string in whole tokens ({@code {"amount": "0.05", "currency": "USDT"}}), so no client rounds it through
 * a double. Only the properties marked here are JSON; base units are the ledger's business.
 */
@JsonAutoDetect(getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE,
        fieldVisibility = JsonAutoDetect.Visibility.NONE)
public record Money(long units, Currency currency) {

    public Money {
        Objects.requireNonNull(currency, "currency");
    }

    public static Money ofUnits(long units, Currency currency) {
        return new Money(units, currency);
    }

    /**
     * Reads JSON. The amount must be a string: a JSON number passes through a binary float in most clients, so
     * accepting one would invite amounts that are not what the sender meant.
     */
    @JsonCreator
    static Money fromJson(@JsonProperty("amount") Object amount, @JsonProperty("currency") Currency currency) {
        if (amount != null && !(amount instanceof String)) {
            throw new IllegalArgumentException("An amount is a string of decimal digits, such as \"12.5\", not a JSON number");
        }
        return parse((String) amount, currency);
    }

    /** Parses a decimal amount; more decimals than the currency has, or more than a {@code long} holds, is refused. */
    public static Money parse(String amount, Currency currency) {
        if (amount == null || currency == null) {
            throw new IllegalArgumentException("An amount needs both 'amount' and 'currency'");
        }
        BigDecimal decimal;
        try {
            decimal = new BigDecimal(amount.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a decimal amount: '" + amount + "'");
        }
        if (decimal.stripTrailingZeros().scale() > currency.decimals()) {
            throw new IllegalArgumentException(currency + " has " + currency.decimals() + " decimals; '" + amount + "' has more");
        }
        try {
            return new Money(decimal.movePointRight(currency.decimals()).longValueExact(), currency);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("Amount out of range: '" + amount + "'");
        }
    }

    @JsonProperty("amount")
    public String amount() {
        return BigDecimal.valueOf(units, currency.decimals()).toPlainString();
    }

    @JsonProperty("currency")
    @Override
    public Currency currency() {
        return currency;
    }

    public boolean isNegative() {
        return units < 0;
    }

    @Override
    public String toString() {
        return amount() + " " + currency;
    }
}
