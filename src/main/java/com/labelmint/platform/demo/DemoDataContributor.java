package com.labelmint.platform.demo;

/**
 * A module's share of the demo data that {@code make run} puts into an empty database: an admin,
 * a client, labelers, a funded project with items. Contributors run in ascending {@link #order()}
 * (accounts before projects before items) in one transaction, once per database.
 */
public interface DemoDataContributor {

    int order();

    /**
     * Creates this module's demo records, naming in {@code context} what later contributors need; returns lines
     * telling a person how to use them.
     */
    java.util.List<String> seed(DemoContext context);
}
