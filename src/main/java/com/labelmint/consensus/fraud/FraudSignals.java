package com.labelmint.consensus.fraud;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** The signals a labeler's recent work shows, set against the crowd's. Arithmetic only: the windows are read elsewhere. */
@ApplicationScoped
class FraudSignals {

    private final FraudConfig config;

    FraudSignals(FraudConfig config) {
        this.config = config;
    }

    List<Signal> shownBy(LabelerWindows labeler, CrowdBaseline crowd) {
        List<Signal> signals = new ArrayList<>();
        if (labeler.goldStreak() >= config.goldStreak()) {
            signals.add(Signal.FAILED_GOLD_STREAK);
        }
        boolean crowdKnown = crowd.answers() >= config.crowd().minimumAnswers();
        if (crowdKnown && labeler.values().size() >= config.constant().window() && labeler.allSameValue()
                && crowd.topValueShare() < config.constant().crowdTopShare()) {
            signals.add(Signal.CONSTANT_ANSWERS);
        }
        if (crowdKnown && crowd.medianDurationMs() >= config.speed().minimumCrowdMedian().toMillis()
                && labeler.durationsMs().length >= config.speed().window()
                && labeler.medianDurationMs() < config.speed().fraction() * crowd.medianDurationMs()) {
            signals.add(Signal.TOO_FAST);
        }
        return signals;
    }
}
