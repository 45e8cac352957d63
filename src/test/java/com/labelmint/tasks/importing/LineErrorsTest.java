package com.labelmint.tasks.importing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LineErrorsTest {

    @Test
    void keepsTheFirstLinesWhateverOrderTheyArriveInAndCountsThemAll() {
        LineErrors errors = new LineErrors(3);
        for (int line : new int[] {40, 10, 50, 30, 20, 60}) {
            errors.add(line, "bad " + line);
        }

        assertThat(errors.count()).isEqualTo(6);
        assertThat(errors.kept()).extracting(LineError::line).containsExactly(10, 20, 30);
    }

    @Test
    void aLongReasonIsCutShort() {
        LineErrors errors = new LineErrors(1);
        errors.add(1, "x".repeat(10_000));

        assertThat(errors.kept().get(0).reason()).hasSize(500).endsWith("…");
    }
}
