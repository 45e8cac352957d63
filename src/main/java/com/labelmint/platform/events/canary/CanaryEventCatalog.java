package com.labelmint.platform.events.canary;

import com.labelmint.platform.events.EventCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class CanaryEventCatalog implements EventCatalog {

    @Override
    public List<Entry> events() {
        return List.of(EventCatalog.event("platform.EventCanary", 1, CanaryEvent.class));
    }
}
