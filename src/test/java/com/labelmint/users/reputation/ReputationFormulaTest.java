package com.labelmint.users.reputation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.labelmint.users.api.Reputation;
import org.junit.jupiter.api.Test;

class ReputationFormulaTest {

    @Test
    void nobodyMeasuredIsNeutral() {
        assertThat(ReputationFormula.score(new QualityMeasurement(0, 0, 0, 0, 0))).isEqualTo(Reputation.UNMEASURED_SCORE);
    }

    @Test
    void aFewLuckyAnswersDoNotMakeAStar() {
        double threeOfThree = ReputationFormula.score(new QualityMeasurement(3, 3, 3, 3, 0));
        double threeHundredOfThreeHundred = ReputationFormula.score(new QualityMeasurement(300, 300, 300, 300, 0));
        assertThat(threeOfThree).isCloseTo(0.8, within(1e-4));
        assertThat(threeHundredOfThreeHundred).isGreaterThan(0.99);
    }

    @Test
    void goldCountsForMoreThanFollowingTheCrowd() {
        double rightOnGoldOnly = ReputationFormula.score(new QualityMeasurement(100, 100, 100, 0, 0));
        double agreeingOnly = ReputationFormula.score(new QualityMeasurement(100, 0, 100, 100, 0));
        assertThat(rightOnGoldOnly).isGreaterThan(agreeingOnly);
        assertThat(rightOnGoldOnly).isCloseTo(0.6 * 101 / 102 + 0.4 * 1 / 102.0, within(1e-4));
    }

    @Test
    void eachLostDisputeCostsATenthOfWhatIsLeft() {
        double clean = ReputationFormula.score(new QualityMeasurement(50, 45, 80, 70, 0));
        double twoLost = ReputationFormula.score(new QualityMeasurement(50, 45, 80, 70, 2));
        assertThat(twoLost).isCloseTo(clean * 0.81, within(1e-4));
    }

    @Test
    void scoresStayInsideZeroAndOne() {
        assertThat(ReputationFormula.score(new QualityMeasurement(1_000_000, 0, 1_000_000, 0, 10_000))).isBetween(0.0, 1.0);
        assertThat(ReputationFormula.score(new QualityMeasurement(Long.MAX_VALUE / 2, Long.MAX_VALUE / 2, 0, 0, 0))).isBetween(0.0, 1.0);
    }

    @Test
    void impossibleCountsAreRefused() {
        assertThatThrownBy(() -> new QualityMeasurement(3, 4, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new QualityMeasurement(0, 0, 1, 2, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new QualityMeasurement(0, 0, 0, 0, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
