package com.labelmint.users.reputation;

import com.labelmint.consensus.api.LabelerQualityChanged;

/** What consensus measured about a labeler, cumulative, as the reputation formula reads it. */
record QualityMeasurement(long goldAnswers, long goldCorrect, long decidedAnswers, long agreedAnswers, long disputesLost) {

    QualityMeasurement {
        if (goldAnswers < 0 || goldCorrect < 0 || goldCorrect > goldAnswers
                || decidedAnswers < 0 || agreedAnswers < 0 || agreedAnswers > decidedAnswers || disputesLost < 0) {
            throw new IllegalArgumentException("Inconsistent quality measurement: " + goldCorrect + "/" + goldAnswers
                    + " gold, " + agreedAnswers + "/" + decidedAnswers + " agreed, " + disputesLost + " disputes lost");
        }
    }

    static QualityMeasurement of(LabelerQualityChanged event) {
        return new QualityMeasurement(event.goldAnswers(), event.goldCorrect(), event.decidedAnswers(),
                event.agreedAnswers(), event.disputesLost());
    }
}
