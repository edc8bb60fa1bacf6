package dev.gradproof.gradcheck.engine;

import dev.gradproof.gradcheck.function.BranchRecord;
import dev.gradproof.gradcheck.function.CheckedFunction;
import dev.gradproof.gradcheck.function.Evaluation;
import dev.gradproof.gradcheck.model.Precision;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * The noise level of the function's values, measured once per check as in Moré and Wild's ECnoise:
 * the function is evaluated at 13 points {@code x + j h s} ({@code j = -6..6}, {@code s} a random
 * sign per differentiated element, so every element moves), and the sixth differences of the
 * values, in which any smooth part vanishes, give the standard deviation of the rounding noise:
 * {@code sigma^2 = mean(Delta^6 g)^2 / C(12, 6)}.
 *
 * <p>Moving every element at once sees the rounding of every operation, also where large
 * intermediate values cancel in a small output; the per-element estimates of the error model see
 * only one sample each. A probe that crosses a kink (a branch record changes), leaves the domain or
 * throws gives no estimate. For a function that keeps no branch record (foreign code) an implausibly
 * large estimate (above 1e4 units of rounding of the output) gives none either, for it may be a kink
 * rather than noise; a function that keeps one has its kinks caught by the record, so a large estimate
 * is noise: an output computed by cancellation ({@code 1 - tanh^2} in the tail, two terms of GELU's
 * gradient cancelling at its minimum) carries rounding of its terms' size, not of its own.
 *
 * <p>The line moves every element at once, so for foreign code it may cross a kink of any of them;
 * its estimate is therefore not trusted there, and each element's own noise (the fourth difference
 * of its values, told from a kink by how it changes with the step, see {@link StepPlan}) measures
 * rounding instead. The spread of repeated evaluations at the point itself ({@link ForwardRepeat}),
 * when the user declared that the forward pass may vary, counts as measured noise as well.
 *
 * <p>Up to {@value #STORED_LIMIT} values in all the line's outputs are kept, and projected onto each
 * compared scalar when asked. Above (FAST on a large output: 13 outputs of 10,000,000 elements are
 * 1 GB), each output is projected onto the FAST directions' projections as soon as it is computed,
 * and only the 13 projected values are kept per direction: the same sums, bit for bit. A projection
 * asked for later (a direction drawn again after a kink, a failure's confirmation) has the line
 * measured again for it.
 */
final class NoiseProbe {

    private static final int HALF_WIDTH = 6;
    private static final int POINTS = 2 * HALF_WIDTH + 1;
    private static final double GAMMA_6 = 1.0 / 924.0;
    private static final double PLAUSIBLE_ULPS = 1e4;
    /** Line outputs of up to this many values in all are kept as arrays. */
    static final long STORED_LIMIT = 1 << 20;

    /** One compared scalar of the output: {@code {u . out, sum |u_m out_m|}} for its projection {@code u}. */
    interface Projection {
        double[] project(double[] out);
    }

    /** The line's values projected onto one scalar: the base point's and, unless the line failed, every point's. */
    private record Sums(double[] base, double[] g, double[] magnitude) {
    }

    private final Line line;
    /** Stored: the value at the point. */
    private final double[] baseOutput;
    /** Stored: the outputs at the line's points, or null when a probe could not serve. */
    private final double[][] values;
    /** Streamed: the sums per projection measured so far. */
    private final Map<Projection, Sums> sums;
    private final double machineEpsilon;
    private final boolean branchesKnown;
    private final double[] repeatSigma;

    private NoiseProbe(Line line, double[] baseOutput, double[][] values, Map<Projection, Sums> sums,
                       double machineEpsilon, boolean branchesKnown, double[] repeatSigma) {
        this.line = line;
        this.baseOutput = baseOutput;
        this.values = values;
        this.sums = sums;
        this.machineEpsilon = machineEpsilon;
        this.branchesKnown = branchesKnown;
        this.repeatSigma = repeatSigma;
    }

    /**
     * Measures the line: its outputs kept when they have at most {@code storedLimit} values in all
     * ({@link #STORED_LIMIT} in FAST mode), else projected onto {@code declared} as they come.
     */
    static NoiseProbe measure(CheckedFunction function, double[][] point, boolean[] wrt, Evaluation base, double h,
                              Precision precision, Random random, Counters counters, double[] repeatSigma,
                              List<? extends Projection> declared, long storedLimit) {
        Line line = new Line(function, point, wrt, base, h, precision, signs(point, wrt, random), counters);
        boolean stored = (long) POINTS * base.output().length <= storedLimit;
        double[][] values = null;
        Map<Projection, Sums> sums = null;
        if (stored) {
            values = new double[POINTS][];
            double[][] kept = values;
            if (!line.walk(base.output(), (p, out) -> kept[p] = out)) {
                values = null;
            }
        } else {
            sums = new IdentityHashMap<>();
            line.measure(new ArrayList<>(declared), base.output(), sums);
        }
        return new NoiseProbe(stored ? null : line, stored ? base.output() : null, values, sums,
                precision.machineEpsilon(),
                base.branches() != null, repeatSigma);
    }

    /** A random sign per differentiated element, so that every element moves along the line. */
    private static BitSet[] signs(double[][] point, boolean[] wrt, Random random) {
        BitSet[] signs = new BitSet[point.length];
        for (int i = 0; i < point.length; i++) {
            if (wrt[i]) {
                signs[i] = new BitSet(point[i].length);
                for (int k = 0; k < point[i].length; k++) {
                    signs[i].set(k, random.nextBoolean());
                }
            }
        }
        return signs;
    }

    /** The points {@code x + j h s}, {@code j = -6..6}, and the function's outputs there. */
    private static final class Line {
        private final CheckedFunction function;
        private final double[][] point;
        private final boolean[] wrt;
        private final int outputSize;
        private final BranchRecord branches;
        private final double h;
        private final Precision precision;
        private final BitSet[] signs;
        private final Counters counters;

        Line(CheckedFunction function, double[][] point, boolean[] wrt, Evaluation base, double h,
             Precision precision, BitSet[] signs, Counters counters) {
            this.function = function.sharingArrays().orElse(function);
            this.point = point;
            this.wrt = wrt;
            this.outputSize = base.output().length;
            this.branches = base.branches();
            this.h = h;
            this.precision = precision;
            this.signs = signs;
            this.counters = counters;
        }

        /** Receives the output at point {@code p} of the line ({@code p = j + 6}). */
        interface Sink {
            void accept(int p, double[] out);
        }

        /**
         * Hands {@code baseOutput} and each probe's output to {@code sink}, one at a time; false when a
         * probe cannot serve (then the rest are not probed).
         */
        boolean walk(double[] baseOutput, Sink sink) {
            sink.accept(HALF_WIDTH, baseOutput);
            for (int j = -HALF_WIDTH; j <= HALF_WIDTH; j++) {
                if (j != 0 && !probeInto(j, sink)) {
                    return false;
                }
            }
            return true;
        }

        /** One point's output to {@code sink}; in a method of its own so that no output outlives its turn. */
        private boolean probeInto(int j, Sink sink) {
            double[] out = probe(at(j));
            if (out == null) {
                return false;
            }
            sink.accept(j + HALF_WIDTH, out);
            return true;
        }

        /** The line's sums for each of {@code projections}, into {@code into}; the base's value measured again if null. */
        void measure(List<Projection> projections, double[] baseOutput, Map<Projection, Sums> into) {
            double[] first = baseOutput != null ? baseOutput
                    : Prober.evaluate(function, point, wrt.clone(), counters, () -> "the point checked").output();
            double[][] g = new double[projections.size()][POINTS];
            double[][] magnitude = new double[projections.size()][POINTS];
            boolean complete = walk(first, (p, out) -> {
                for (int c = 0; c < projections.size(); c++) {
                    double[] projected = projections.get(c).project(out);
                    g[c][p] = projected[0];
                    magnitude[c][p] = projected[1];
                }
            });
            for (int c = 0; c < projections.size(); c++) {
                double[] base = {g[c][HALF_WIDTH], magnitude[c][HALF_WIDTH]};
                into.put(projections.get(c), new Sums(base, complete ? g[c] : null, magnitude[c]));
            }
        }

        /** A new array per point, handed over: the function may keep it, and nothing writes it again. */
        private double[][] at(int j) {
            return Prober.moved(point, wrt, precision, j * h, (i, k) -> signs[i].get(k) ? 1.0 : -1.0);
        }

        /** The output at {@code work}, or null when it cannot serve (threw, not finite, other shape, crossed a kink). */
        private double[] probe(double[][] work) {
            counters.forward.incrementAndGet();
            Evaluation e;
            try {
                e = function.evaluate(work, wrt.clone());
            } catch (RuntimeException ex) {
                return null;
            } catch (StackOverflowError | OutOfMemoryError | AssertionError | LinkageError ex) {
                throw FunctionCrash.of("function", "a point of the noise line", ex);
            }
            if (e == null || e.output() == null || e.output().length != outputSize) {
                return null;
            }
            for (double v : e.output()) {
                if (!Double.isFinite(v)) {
                    return null;
                }
            }
            if (branches != null && branches.firstDifference(e.branches()) != null) {
                return null;
            }
            return e.output();
        }
    }

    /**
     * The standard deviation of the noise of {@code u . f}: the larger of the line's estimate and the
     * spread of repeated evaluations at the point; 0 when neither is known.
     */
    double sigma(double[] u) {
        return sigma(() -> u, out -> Prober.projection(u, out));
    }

    /** As {@link #sigma(double[])}, for a FAST direction's projection. */
    double sigma(Direction direction) {
        return sigma(direction::u, direction);
    }

    private double sigma(Supplier<double[]> u, Projection projection) {
        double repeated = 0;
        if (repeatSigma != null) {
            double[] us = u.get();
            for (int m = 0; m < us.length; m++) {
                repeated += us[m] * us[m] * repeatSigma[m] * repeatSigma[m];
            }
            repeated = Math.sqrt(repeated);
        }
        double[] g;
        double scale = 0;
        if (values != null) {
            g = new double[POINTS];
            for (int p = 0; p < POINTS; p++) {
                double[] projected = projection.project(values[p]);
                g[p] = projected[0];
                scale = Math.max(scale, projected[1]);
            }
        } else if (sums != null) {
            Sums s = sums(projection);
            if (s.g() == null) {
                return repeated;
            }
            g = s.g().clone();
            for (double m : s.magnitude()) {
                scale = Math.max(scale, m);
            }
        } else {
            return repeated;
        }
        return Math.max(lineSigma(g, scale), repeated);
    }

    /** {@code {u . f(x), sum |u_m f_m(x)|}} at the point checked, for a FAST direction's projection. */
    double[] atPoint(Direction direction) {
        return sums != null ? sums(direction).base() : direction.project(baseOutput);
    }

    /** Whether the line's outputs and the value at the point are kept (else only their projections). */
    boolean keepsValues() {
        return sums == null;
    }

    private Sums sums(Projection projection) {
        Sums s = sums.get(projection);
        if (s == null) {
            line.measure(List.of(projection), null, sums);
            s = sums.get(projection);
        }
        return s;
    }

    /** The line's estimate of the noise of {@code u . f} from its projected values (sixth differences), or 0. */
    private double lineSigma(double[] g, double scale) {
        for (int order = 1; order <= 6; order++) {
            for (int p = 0; p < POINTS - order; p++) {
                g[p] = g[p + 1] - g[p];
            }
        }
        double squares = 0;
        int windows = POINTS - 6;
        for (int p = 0; p < windows; p++) {
            squares += g[p] * g[p];
        }
        double sigma = Math.sqrt(GAMMA_6 * squares / windows);
        if (!Double.isFinite(sigma)) {
            return 0;
        }
        return !branchesKnown && sigma > PLAUSIBLE_ULPS * machineEpsilon * scale ? 0 : sigma;
    }
}
