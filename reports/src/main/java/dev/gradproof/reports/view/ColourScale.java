package dev.gradproof.reports.view;

import java.util.ArrayList;
import java.util.List;

/**
 * The legend of the heatmaps' colours: one swatch per decade of relative error from 1e-16 to 1,
 * with the notes' bands labelled, and the swatches for KINK, unchecked and FAIL.
 *
 * @param swatches the colour swatches, left to right
 * @param ticks    labels under them
 * @param width    the drawing's width
 */
public record ColourScale(List<Histogram.Rect> swatches, List<Histogram.Tick> ticks, int width) {

    private static final int SWATCH = 16;

    /** The legend. */
    public static ColourScale standard() {
        List<Histogram.Rect> swatches = new ArrayList<>();
        List<Histogram.Tick> ticks = new ArrayList<>();
        int x = 0;
        for (int decade = -16; decade <= 0; decade++) {
            double e = Math.pow(10, decade);
            swatches.add(new Histogram.Rect(x, 0, SWATCH, 14, Palette.forRelativeError(e), "relative error 1e" + decade));
            if (decade == -16 || decade == -7 || decade == -4 || decade == -2 || decade == 0) {
                ticks.add(new Histogram.Tick(x + SWATCH / 2.0, decade == 0 ? "1" : "1e" + decade));
            }
            x += SWATCH;
        }
        return new ColourScale(List.copyOf(swatches), List.copyOf(ticks), x);
    }
}
