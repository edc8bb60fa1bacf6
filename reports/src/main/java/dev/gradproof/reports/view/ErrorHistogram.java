package dev.gradproof.reports.view;

import dev.gradproof.gradcheck.model.Band;
import dev.gradproof.gradcheck.model.Numbers;
import dev.gradproof.gradcheck.model.Verdict;

import java.util.ArrayList;
import java.util.List;

/**
 * Counts relative errors in bins of half a decade of log10, from 1e-16 to 10^0.5 (a relative
 * error {@code |a - n| / max(|a|, |n|)} is at most 2), with a bin of its own for exact agreement
 * (0) and one for NaN and infinity, per verdict; then lays the counts out as a stacked bar chart
 * with the notes' bands marked.
 */
public final class ErrorHistogram {

    /** log10 of the lower edge of the first bin. */
    static final double LOG_MIN = -16;
    /** log10 of the upper edge of the last bin. */
    static final double LOG_MAX = 0.5;
    /** Bin width in decades. */
    static final double BIN = 0.5;
    /** Bins of the log scale. */
    static final int LOG_BINS = (int) Math.round((LOG_MAX - LOG_MIN) / BIN);
    /** All bins: zero, the log scale, non-finite. */
    static final int BINS = LOG_BINS + 2;

    private static final int WIDTH = 860;
    private static final int HEIGHT = 250;
    private static final double LEFT = 56;
    private static final double RIGHT = WIDTH - 28;
    private static final double TOP = 26;
    private static final double BOTTOM = HEIGHT - 44;
    private static final double GAP = 10;
    private static final Verdict[] STACK = {Verdict.PASS, Verdict.KINK, Verdict.FAIL};

    private final long[][] counts = new long[BINS][Verdict.values().length];

    /** Adds one compared element (or FAST direction). */
    public void add(double relativeError, Verdict verdict) {
        counts[bin(relativeError)][verdict.ordinal()]++;
    }

    /** The bin of a relative error: 0 for zero, {@code BINS - 1} for NaN and infinity. */
    static int bin(double relativeError) {
        if (!Double.isFinite(relativeError)) {
            return BINS - 1;
        }
        if (relativeError <= 0) {
            return 0;
        }
        int b = (int) Math.floor((Math.log10(relativeError) - LOG_MIN) / BIN);
        return 1 + Math.max(0, Math.min(LOG_BINS - 1, b));
    }

    /** The count in a bin for a verdict. */
    long count(int bin, Verdict verdict) {
        return counts[bin][verdict.ordinal()];
    }

    /** The chart. */
    public Histogram layout() {
        double binWidth = (RIGHT - LEFT - 2 * GAP) / BINS;
        long highest = 0;
        long[] totals = new long[Verdict.values().length];
        for (long[] bin : counts) {
            long sum = 0;
            for (Verdict v : Verdict.values()) {
                sum += bin[v.ordinal()];
                totals[v.ordinal()] += bin[v.ordinal()];
            }
            highest = Math.max(highest, sum);
        }
        long yMax = niceCeiling(Math.max(1, highest));
        double scale = (BOTTOM - TOP) / yMax;

        List<Histogram.Rect> bars = new ArrayList<>();
        for (int b = 0; b < BINS; b++) {
            double y = BOTTOM;
            for (Verdict v : STACK) {
                long n = counts[b][v.ordinal()];
                if (n == 0) {
                    continue;
                }
                double h = Math.max(1.5, n * scale);
                y -= h;
                bars.add(new Histogram.Rect(round(binX(b, binWidth) + 0.5), round(y), round(binWidth - 1), round(h),
                        colour(v), binLabel(b) + ": " + n + " " + v));
            }
        }

        List<Histogram.Rect> zones = List.of(
                zone(LOG_MIN, log(Band.HAPPY), "#f0fff4", "at most 1e-7: happy", binWidth),
                zone(log(Band.HAPPY), log(Band.OKAY), "#f7fafc", "1e-7 to 1e-4: fine with kinks, suspicious without",
                        binWidth),
                zone(log(Band.OKAY), log(Band.UNCOMFORTABLE), "#fffaf0", "1e-4 to 1e-2: uncomfortable", binWidth),
                zone(log(Band.UNCOMFORTABLE), LOG_MAX, "#fff5f5", "above 1e-2: probably wrong", binWidth));

        List<Histogram.Tick> xTicks = new ArrayList<>();
        xTicks.add(new Histogram.Tick(round(binX(0, binWidth) + binWidth / 2), "0"));
        for (int e = (int) LOG_MIN + 2; e <= 0; e += 2) {
            xTicks.add(new Histogram.Tick(round(logX(e, binWidth)), e == 0 ? "1" : "1e" + e));
        }
        xTicks.add(new Histogram.Tick(round(binX(BINS - 1, binWidth) + binWidth / 2), "NaN/∞"));

        List<Histogram.Tick> yTicks = new ArrayList<>();
        long divisions = yMax <= 2 ? yMax : Long.toString(yMax).charAt(0) == '2' ? 4 : 5;
        for (int i = 0; i <= divisions; i++) {
            long value = yMax * i / divisions;
            yTicks.add(new Histogram.Tick(round(BOTTOM - value * scale), Long.toString(value)));
        }

        List<Histogram.Tick> bandLines = List.of(
                new Histogram.Tick(round(logX(log(Band.HAPPY), binWidth)), "1e-7"),
                new Histogram.Tick(round(logX(log(Band.OKAY), binWidth)), "1e-4"),
                new Histogram.Tick(round(logX(log(Band.UNCOMFORTABLE), binWidth)), "1e-2"));

        long total = totals[0] + totals[1] + totals[2];
        long zeros = 0;
        long nonFinite = 0;
        for (Verdict v : Verdict.values()) {
            zeros += counts[0][v.ordinal()];
            nonFinite += counts[BINS - 1][v.ordinal()];
        }
        return new Histogram(WIDTH, HEIGHT, LEFT, RIGHT, TOP, BOTTOM, zones, bars, xTicks, yTicks, bandLines, total,
                totals[Verdict.PASS.ordinal()], totals[Verdict.FAIL.ordinal()], totals[Verdict.KINK.ordinal()], zeros,
                nonFinite);
    }

    /** One decimal is plenty for pixels and keeps the page small. */
    static double round(double pixels) {
        return Math.round(pixels * 10) / 10.0;
    }

    private static double log(Band band) {
        return Math.log10(band.upperBound());
    }

    private static Histogram.Rect zone(double from, double to, String fill, String title, double binWidth) {
        double x0 = logX(from, binWidth);
        return new Histogram.Rect(round(x0), TOP, round(logX(to, binWidth) - x0), BOTTOM - TOP, fill, title);
    }

    /** The left edge of a bin. */
    private static double binX(int bin, double binWidth) {
        double x = LEFT + bin * binWidth;
        if (bin >= 1) {
            x += GAP;
        }
        if (bin == BINS - 1) {
            x += GAP;
        }
        return x;
    }

    /** The x of a log10 value on the log scale. */
    private static double logX(double log10, double binWidth) {
        return binX(1, binWidth) + (log10 - LOG_MIN) / BIN * binWidth;
    }

    private static String binLabel(int bin) {
        if (bin == 0) {
            return "exactly 0";
        }
        if (bin == BINS - 1) {
            return "NaN or infinite";
        }
        double lo = LOG_MIN + (bin - 1) * BIN;
        String from = bin == 1 ? "below" : Numbers.sci(Math.pow(10, lo), 2) + " to";
        return from + " " + Numbers.sci(Math.pow(10, lo + BIN), 2);
    }

    private static String colour(Verdict v) {
        return switch (v) {
            case PASS -> Palette.PASS;
            case FAIL -> Palette.FAIL;
            case KINK -> Palette.KINK;
        };
    }

    /** The smallest of 1, 2, 5 times a power of ten that is at least {@code n}. */
    static long niceCeiling(long n) {
        long power = 1;
        while (true) {
            for (long m : new long[] {1, 2, 5}) {
                if (m * power >= n) {
                    return m * power;
                }
            }
            power *= 10;
        }
    }
}
