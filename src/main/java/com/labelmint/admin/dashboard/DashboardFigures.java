package com.labelmint.admin.dashboard;

import com.labelmint.platform.events.EventDeliveries;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** Gathers the dashboard's figures from the modules' apis and the event bus. */
@ApplicationScoped
public class DashboardFigures {

    private final EventDeliveries deliveries;

    DashboardFigures(EventDeliveries deliveries) {
        this.deliveries = deliveries;
    }

    public Dashboard now() {
        List<Dashboard.Tile> tiles = new ArrayList<>();
        EventDeliveries.Backlog backlog = deliveries.backlog();
        tiles.add(new Dashboard.Tile("events waiting for delivery", Long.toString(backlog.pending() + backlog.sent()), false));
        long failures = backlog.failed() + backlog.dead();
        tiles.add(new Dashboard.Tile("event deliveries failed", Long.toString(failures), failures > 0));
        return new Dashboard(tiles, List.of());
    }
}
