package com.labelmint.consensus;

import com.labelmint.consensus.api.LabelerQualityChanged;
import com.labelmint.platform.events.EventCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class ConsensusEventCatalog implements EventCatalog {

    @Override
    public List<Entry> events() {
        return List.of(EventCatalog.event("consensus.LabelerQualityChanged", 1, LabelerQualityChanged.class));
    }
}
