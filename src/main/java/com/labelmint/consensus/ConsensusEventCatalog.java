package com.labelmint.consensus;

import com.labelmint.consensus.api.AnswerAccepted;
import com.labelmint.consensus.api.AnswerRejected;
import com.labelmint.consensus.api.DisputeOpened;
import com.labelmint.consensus.api.DisputeResolved;
import com.labelmint.consensus.api.ItemLabelled;
import com.labelmint.consensus.api.LabelerFlagged;
import com.labelmint.consensus.api.LabelerQualityChanged;
import com.labelmint.consensus.api.MoreAnswersRequested;
import com.labelmint.platform.events.EventCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class ConsensusEventCatalog implements EventCatalog {

    @Override
    public List<Entry> events() {
        return List.of(EventCatalog.event("consensus.LabelerQualityChanged", 1, LabelerQualityChanged.class),
                EventCatalog.event("consensus.ItemLabelled", 1, ItemLabelled.class),
                EventCatalog.event("consensus.AnswerAccepted", 1, AnswerAccepted.class),
                EventCatalog.event("consensus.AnswerRejected", 1, AnswerRejected.class),
                EventCatalog.event("consensus.MoreAnswersRequested", 1, MoreAnswersRequested.class),
                EventCatalog.event("consensus.DisputeOpened", 1, DisputeOpened.class),
                EventCatalog.event("consensus.DisputeResolved", 1, DisputeResolved.class),
                EventCatalog.event("consensus.LabelerFlagged", 1, LabelerFlagged.class));
    }
}
