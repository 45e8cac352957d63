package com.labelmint.tasks;

import com.labelmint.platform.events.EventCatalog;
import com.labelmint.tasks.api.AnswerSubmitted;
import com.labelmint.tasks.api.ItemFullyAnswered;
import com.labelmint.tasks.api.ItemsImported;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class TasksEventCatalog implements EventCatalog {

    @Override
    public List<Entry> events() {
        return List.of(
                EventCatalog.event("tasks.ItemsImported", 1, ItemsImported.class),
                EventCatalog.event("tasks.AnswerSubmitted", 1, AnswerSubmitted.class),
                EventCatalog.event("tasks.ItemFullyAnswered", 1, ItemFullyAnswered.class));
    }
}
