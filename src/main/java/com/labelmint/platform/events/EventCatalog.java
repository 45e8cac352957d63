package com.labelmint.platform.events;

import java.util.List;

/**
 * The events a module publishes, each under a stable type name and version.
 *
 * <p>Every module contributes one catalog bean. The outbox stores the type name, never a Java
 * class name, so a class can be renamed or moved without orphaning stored events, and nothing is
 * looked up by reflection (the application stays native-compilable).
 */
public interface EventCatalog {

    List<Entry> events();

    record Entry(String type, int version, Class<? extends DomainEvent> javaType) {
        public Entry {
            if (type == null || !type.matches("[a-z][a-z0-9-]*\\.[A-Za-z][A-Za-z0-9]*")) {
                throw new IllegalArgumentException("Event type must look like 'module.EventName': " + type);
            }
            if (version < 1) {
                throw new IllegalArgumentException("Event version must be at least 1: " + type);
            }
        }
    }

    static Entry event(String type, int version, Class<? extends DomainEvent> javaType) {
        return new Entry(type, version, javaType);
    }
}
