package com.labelmint.platform.demo;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What earlier demo contributors made, by name, for later ones: the accounts module names the demo client,
 * the projects module finds it here and gives it a project, the queue fills that project with items.
 */
public final class DemoContext {

    /** The demo client's account. */
    public static final String CLIENT = "client";
    /** The demo client's project, ready to label. */
    public static final String PROJECT = "project";

    private final Map<String, UUID> ids = new HashMap<>();

    public void remember(String name, UUID id) {
        ids.put(name, id);
    }

    public UUID idOf(String name) {
        UUID id = ids.get(name);
        if (id == null) {
            throw new IllegalStateException("No demo record named '" + name + "' was made before it was needed");
        }
        return id;
    }
}
