package com.labelmint.platform.events.outbox;

import com.labelmint.platform.events.DomainEvent;
import com.labelmint.platform.events.EventCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Every module's catalog merged: Java class to stored type name and back. */
@ApplicationScoped
public class EventTypeRegistry {

    private final Map<Class<? extends DomainEvent>, EventCatalog.Entry> byClass = new HashMap<>();
    private final Map<String, EventCatalog.Entry> byTypeAndVersion = new HashMap<>();

    EventTypeRegistry(Instance<EventCatalog> catalogs) {
        for (EventCatalog catalog : catalogs) {
            for (EventCatalog.Entry entry : catalog.events()) {
                register(entry);
            }
        }
    }

    private void register(EventCatalog.Entry entry) {
        EventCatalog.Entry clash = byTypeAndVersion.putIfAbsent(key(entry.type(), entry.version()), entry);
        if (clash != null) {
            throw new IllegalStateException("Event type " + entry.type() + " v" + entry.version()
                    + " is claimed by both " + clash.javaType().getName() + " and " + entry.javaType().getName());
        }
        if (byClass.putIfAbsent(entry.javaType(), entry) != null) {
            throw new IllegalStateException(entry.javaType().getName() + " is registered under two event types");
        }
    }

    public EventCatalog.Entry entryFor(Class<? extends DomainEvent> javaType) {
        EventCatalog.Entry entry = byClass.get(javaType);
        if (entry == null) {
            throw new IllegalArgumentException(javaType.getName()
                    + " is not in any module's EventCatalog: add it there before publishing it");
        }
        return entry;
    }

    public Optional<EventCatalog.Entry> entryFor(String type, int version) {
        return Optional.ofNullable(byTypeAndVersion.get(key(type, version)));
    }

    private static String key(String type, int version) {
        return type + "/" + version;
    }
}
