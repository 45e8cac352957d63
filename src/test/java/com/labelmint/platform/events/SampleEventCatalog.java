package com.labelmint.platform.events;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class SampleEventCatalog implements EventCatalog {

    @Override
    public List<Entry> events() {
        return List.of(EventCatalog.event("sample.SampleHappened", 1, SampleHappened.class));
    }
}
