package dev.gradproof.gradcheck.model;

import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

/**
 * Summary statistics of the relative errors of checked elements (Commons Math
 * {@link DescriptiveStatistics}). KINK elements are counted but left out of the error statistics:
 * their numerical derivative is not a derivative. Non-finite relative errors are counted in
 * {@code nonFinite} and make {@code maxRelativeError} infinite.
 *
 * @param checked            elements (or directions) compared
 * @param passed             PASS verdicts
 * @param failed             FAIL verdicts
 * @param kinks              KINK verdicts
 * @param nonFinite          compared elements whose relative error is NaN or infinite
 * @param maxRelativeError   the largest relative error (0 when nothing was compared)
 * @param medianRelativeError the median relative error
 * @param p99RelativeError   the 99th percentile of the relative error
 * @param maxErrorRatio      the largest {@code |a - n| / tolerance}: above 1 means a FAIL
 * @param bands              how many compared elements fall in each of the notes' bands
 */
public record ErrorStatistics(
        int checked,
        int passed,
        int failed,
        int kinks,
        int nonFinite,
        double maxRelativeError,
        double medianRelativeError,
        double p99RelativeError,
        double maxErrorRatio,
        Map<Band, Integer> bands) {

    /** Copies the band counts. */
    public ErrorStatistics {
        bands = Map.copyOf(bands);
    }

    /** The statistics of no elements. */
    public static ErrorStatistics empty() {
        return of(java.util.List.of());
    }

    /** The statistics of some records. */
    public static ErrorStatistics of(Collection<ElementRecord> records) {
        Accumulator acc = new Accumulator();
        for (ElementRecord r : records) {
            acc.add(r.verdict(), r.relativeError(), r.errorRatio());
        }
        return acc.build();
    }

    /** Collects verdicts and errors one by one, for callers that do not keep every record. */
    public static final class Accumulator {
        private final DescriptiveStatistics relative = new DescriptiveStatistics();
        private final Map<Band, Integer> bands = new EnumMap<>(Band.class);
        private int checked;
        private int passed;
        private int failed;
        private int kinks;
        private int nonFinite;
        private double maxRatio;

        /** Adds one compared element. */
        public void add(Verdict verdict, double relativeError, double errorRatio) {
            checked++;
            switch (verdict) {
                case PASS -> passed++;
                case FAIL -> failed++;
                case KINK -> kinks++;
            }
            if (verdict == Verdict.KINK) {
                return;
            }
            if (Double.isFinite(relativeError)) {
                relative.addValue(relativeError);
            } else {
                nonFinite++;
            }
            bands.merge(Band.of(relativeError), 1, Integer::sum);
            maxRatio = Math.max(maxRatio, Double.isNaN(errorRatio) ? Double.POSITIVE_INFINITY : errorRatio);
        }

        /** The statistics so far. */
        public ErrorStatistics build() {
            boolean any = relative.getN() > 0;
            double max = any ? relative.getMax() : 0;
            if (nonFinite > 0) {
                max = Double.POSITIVE_INFINITY;
            }
            return new ErrorStatistics(checked, passed, failed, kinks, nonFinite, max,
                    any ? relative.getPercentile(50) : 0, any ? relative.getPercentile(99) : 0, maxRatio, bands);
        }
    }
}
