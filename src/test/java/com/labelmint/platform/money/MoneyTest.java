package com.labelmint.platform.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class MoneyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void travelsAsADecimalStringInWholeTokensAndComesBackExactly() throws Exception {
        Money reward = Money.parse("0.05", Currency.USDT);
        assertThat(reward.units()).isEqualTo(50_000);
        String json = JSON.writeValueAsString(reward);
        assertThat(JSON.readTree(json).properties()).extracting(java.util.Map.Entry::getKey).containsExactlyInAnyOrder("amount", "currency");
        assertThat(json).contains("\"amount\":\"0.050000\"").contains("\"currency\":\"USDT\"");
        assertThat(JSON.readValue(json, Money.class)).isEqualTo(reward);
    }

    @Test
    void refusesMoreDecimalsThanTheCurrencyHasAndAmountsALongCannotHold() {
        assertThatThrownBy(() -> Money.parse("0.0000001", Currency.USDT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.parse("99999999999999999999", Currency.USDT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.parse("1e3x", Currency.USDT)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Money.parse("1.500000000", Currency.USDT).units()).isEqualTo(1_500_000);
        assertThat(Money.parse("-2", Currency.USDT).isNegative()).isTrue();
    }

    @Test
    void refusesAnAmountSentAsAJsonNumber() {
        assertThatThrownBy(() -> JSON.readValue("{\"amount\": 12.5, \"currency\": \"USDT\"}", Money.class))
                .hasMessageContaining("not a JSON number");
        assertThatThrownBy(() -> JSON.readValue("{\"amount\": 12, \"currency\": \"USDT\"}", Money.class))
                .hasMessageContaining("not a JSON number");
    }
}
