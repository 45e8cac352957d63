package com.labelmint.users.reputation;

import com.labelmint.consensus.api.LabelerQualityChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Reputation follows what consensus measures about a labeler. */
@ApplicationScoped
public class ReputationFromQuality {

    private final ReputationService reputation;

    ReputationFromQuality(ReputationService reputation) {
        this.reputation = reputation;
    }

    void on(@Observes LabelerQualityChanged measured) {
        reputation.apply(measured);
    }
}
