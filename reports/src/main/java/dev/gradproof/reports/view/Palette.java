package dev.gradproof.reports.view;

import dev.gradproof.gradcheck.model.Band;

import java.util.Locale;

/**
 * The report's colours. Relative errors are coloured on a log scale whose stops sit on the notes'
 * bands: pale green for agreement to machine precision, green at 1e-7 ("happy"), yellow at 1e-4,
 * orange at 1e-2 and deep red at 1 ("probably wrong").
 */
public final class Palette {

    /** PASS. */
    public static final String PASS = "#2f855a";
    /** FAIL. */
    public static final String FAIL = "#c53030";
    /** KINK. */
    public static final String KINK = "#6b46c1";
    /** An element that was not checked. */
    public static final String UNCHECKED = "#e2e8f0";
    /** A relative error that is NaN or infinite. */
    public static final String NON_FINITE = "#3b0012";

    /** log10 of the relative error at each stop. */
    static final double[] STOPS = {-16, -10, Math.log10(Band.HAPPY.upperBound()), Math.log10(Band.OKAY.upperBound()),
            Math.log10(Band.UNCOMFORTABLE.upperBound()), 0};
    private static final int[][] RGB = {
            {0xf0, 0xfa, 0xf0}, {0xc7, 0xe9, 0xc0}, {0x74, 0xc4, 0x76}, {0xfe, 0xd9, 0x76},
            {0xfd, 0x8d, 0x3c}, {0xbd, 0x00, 0x26}};

    private Palette() {
    }

    /** The colour of a relative error (zero takes the palest colour, above 1 the deepest). */
    public static String forRelativeError(double relativeError) {
        if (!Double.isFinite(relativeError)) {
            return NON_FINITE;
        }
        double x = relativeError <= 0 ? STOPS[0] : Math.log10(relativeError);
        if (x <= STOPS[0]) {
            return hex(RGB[0]);
        }
        for (int i = 1; i < STOPS.length; i++) {
            if (x <= STOPS[i]) {
                double t = (x - STOPS[i - 1]) / (STOPS[i] - STOPS[i - 1]);
                int[] c = new int[3];
                for (int k = 0; k < 3; k++) {
                    c[k] = (int) Math.round(RGB[i - 1][k] + t * (RGB[i][k] - RGB[i - 1][k]));
                }
                return hex(c);
            }
        }
        return hex(RGB[RGB.length - 1]);
    }

    private static String hex(int[] c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", c[0], c[1], c[2]);
    }
}
