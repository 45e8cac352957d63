package com.labelmint.admin.dashboard;

import java.util.List;

/** The dashboard's figures, each a tile; {@code charts} are the last 24 hours where the data exists. */
public record Dashboard(List<Tile> tiles, List<Chart> charts) {

    /** One figure: what it is, its value as shown, a warning look when it needs a person, and the page behind it (or null). */
    public record Tile(String label, String value, boolean warning, String link) {

        public Tile(String label, String value, boolean warning) {
            this(label, value, warning, null);
        }
    }

    /** A sparkline: an SVG polyline's points, drawn on the server, with the figures it was drawn from. */
    public record Chart(String label, String points, long latest, long peak) {
    }
}
