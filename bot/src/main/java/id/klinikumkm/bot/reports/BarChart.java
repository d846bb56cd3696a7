package id.klinikumkm.bot.reports;

import java.util.ArrayList;
import java.util.List;

/**
 * The geometry of a simple bar chart, computed here so the page only draws it: an SVG {@code viewBox} of
 * {@link #width} by {@link #height}, and one bar per value. No script, no style attributes (the pages' CSP
 * allows neither inline); the page scales the drawing to its width.
 *
 * @param caption what the chart shows, for screen readers and the SVG title
 */
public record BarChart(String caption, int width, int height, List<Bar> bars) {
    static final int WIDTH = 400;
    private static final int ROW = 34;
    private static final int VALUE_SPACE = 44;
    private static final int PLOT_HEIGHT = 150;
    private static final int MAX_COLUMN_LABELS = 8;

    public BarChart {
        bars = List.copyOf(bars);
    }

    /**
     * One bar: its rectangle, its label at ({@code labelX}, {@code labelY}) (empty when left out for room), its
     * value at ({@code valueX}, {@code valueY}) (empty when left out), and a tooltip.
     */
    public record Bar(String label, String value, String tooltip, double x, double y, double width, double height,
                      double labelX, double labelY, String labelAnchor, double valueX, double valueY) {}

    /** A label and its value. */
    public record Item(String label, long value, String tooltip) {}

    /** Horizontal bars, one row each with the label above the bar: long names fit on a phone. */
    public static BarChart rows(String caption, List<Item> items) {
        long max = max(items);
        double room = WIDTH - VALUE_SPACE;
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            double top = i * ROW;
            double length = round(room * item.value() / max);
            bars.add(new Bar(item.label(), Long.toString(item.value()), item.tooltip(),
                    0, top + 17, length, 12, 0, top + 13, "start", round(length + 4), top + 27));
        }
        return new BarChart(caption, WIDTH, Math.max(ROW, items.size() * ROW), bars);
    }

    /**
     * Vertical columns in order (a time series): the value above each column while there is room, and at most
     * {@value #MAX_COLUMN_LABELS} labels below, evenly spread.
     */
    public static BarChart columns(String caption, List<Item> items) {
        long max = max(items);
        int n = Math.max(1, items.size());
        double slot = (double) WIDTH / n;
        int labelEvery = (n + MAX_COLUMN_LABELS - 1) / MAX_COLUMN_LABELS;
        boolean showValues = n <= 16;
        double base = 16 + PLOT_HEIGHT;
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            double barHeight = round(PLOT_HEIGHT * item.value() / (double) max);
            double x = round(i * slot + slot * 0.15);
            double center = round(i * slot + slot / 2);
            bars.add(new Bar(i % labelEvery == 0 ? item.label() : "", showValues ? Long.toString(item.value()) : "",
                    item.tooltip(), x, round(base - barHeight), round(slot * 0.7), barHeight,
                    center, base + 16, "middle", center, round(base - barHeight - 4)));
        }
        return new BarChart(caption, WIDTH, (int) base + 24, bars);
    }

    private static long max(List<Item> items) {
        return Math.max(1, items.stream().mapToLong(Item::value).max().orElse(1));
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
