package com.labelmint.admin.dashboard;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Draws a series as an SVG polyline in the dashboard's 240 × 48 view box: no chart library, no script. */
final class Sparkline {

    static final int WIDTH = 240;
    static final int HEIGHT = 48;
    private static final int MARGIN = 2;

    private Sparkline() {
    }

    static Dashboard.Chart of(String label, List<Long> values) {
        long peak = values.stream().mapToLong(Long::longValue).max().orElse(0);
        double step = values.size() > 1 ? (double) WIDTH / (values.size() - 1) : 0;
        String points = IntStream.range(0, values.size())
                .mapToObj(i -> String.format(Locale.ROOT, "%.1f,%.1f", i * step, y(values.get(i), peak)))
                .collect(Collectors.joining(" "));
        return new Dashboard.Chart(label, points, values.isEmpty() ? 0 : values.get(values.size() - 1), peak);
    }

    /** Zero on the bottom line, the peak on the top one; a flat zero series stays on the bottom. */
    private static double y(long value, long peak) {
        double usable = HEIGHT - 2 * MARGIN;
        return HEIGHT - MARGIN - (peak == 0 ? 0 : usable * value / peak);
    }
}
