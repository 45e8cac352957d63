package com.labelmint.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/** USDT amounts as the API writes them ({@code {"amount": "2.500000", "currency": "USDT"}}), in base units (6 decimals). */
final class Usdt {

    private Usdt() {
    }

    static long units(JsonNode money) {
        return new BigDecimal(money.path("amount").asText()).movePointRight(6).longValueExact();
    }

    static String decimal(long units) {
        return BigDecimal.valueOf(units, 6).toPlainString();
    }
}
