package dev.gradproof.reports.view;

import java.util.List;

/**
 * The histogram of log10 relative error over all checked elements, laid out for an inline SVG.
 *
 * @param width     the drawing's width in pixels
 * @param height    its height
 * @param plotLeft  x of the plot area's left edge
 * @param plotRight x of its right edge
 * @param plotTop   y of its top edge
 * @param plotBottom y of its bottom edge (the x axis)
 * @param zones     the notes' bands as shaded backgrounds
 * @param bars      one rectangle per bin and verdict (stacked)
 * @param xTicks    labels of the x axis
 * @param yTicks    labels of the y axis
 * @param bandLines the marks at 1e-7, 1e-4 and 1e-2
 * @param total     elements counted
 * @param passed    of which PASS
 * @param failed    of which FAIL
 * @param kinks     of which KINK
 * @param zeros     elements whose relative error is exactly 0
 * @param nonFinite elements whose relative error is NaN or infinite
 */
public record Histogram(
        int width,
        int height,
        double plotLeft,
        double plotRight,
        double plotTop,
        double plotBottom,
        List<Rect> zones,
        List<Rect> bars,
        List<Tick> xTicks,
        List<Tick> yTicks,
        List<Tick> bandLines,
        long total,
        long passed,
        long failed,
        long kinks,
        long zeros,
        long nonFinite) {

    /**
     * A rectangle of the drawing.
     *
     * @param x     left
     * @param y     top
     * @param w     width
     * @param h     height
     * @param fill  colour
     * @param title tooltip text
     */
    public record Rect(double x, double y, double w, double h, String fill, String title) {
    }

    /**
     * A labelled position on an axis.
     *
     * @param at    the x (or y) coordinate
     * @param label the text
     */
    public record Tick(double at, String label) {
    }
}
