package dev.gradproof.gradcheck.engine;

import dev.gradproof.gradcheck.function.BranchRecord;
import dev.gradproof.gradcheck.function.CheckedFunction;
import dev.gradproof.gradcheck.function.Evaluation;
import dev.gradproof.gradcheck.function.Input;
import dev.gradproof.gradcheck.model.Precision;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The numerical side: evaluates the function around the point, one element at a time
 * (FULL/SAMPLED) or along a direction (FAST), projects the outputs onto the compared components,
 * watches branch records, output shapes and finiteness, and always restores the perturbed values,
 * also when the function throws.
 */
final class Prober {

    /** The length of the partial sums {@link #accumulate} keeps: four of {@code u_m f_m}, four of their magnitudes. */
    static final int PARTIALS = 8;

    private final CheckedFunction function;
    /** The function for points handed over for good (new arrays per probe): the same function unless it takes them so. */
    private final CheckedFunction handedOver;
    private final boolean[] wrt;
    private final Stencil stencil;
    private final Precision precision;
    private final int[] outputShape;
    private final int outputSize;
    private final BranchRecord branches;
    /** The value at the point, for element probes; null until needed when it was not kept. */
    private double[] baseOutput;
    private final double[][] point;
    private final List<Input> inputs;
    private final Counters counters;

    /**
     * @param keepBaseOutput whether to keep the value at the point for element probes; when not, it is
     *                       measured again if an element is ever probed (a FAST failure's confirmation)
     */
    Prober(CheckedFunction function, boolean[] wrt, Stencil stencil, Precision precision, Evaluation base,
           boolean keepBaseOutput, double[][] point, List<Input> inputs, Counters counters) {
        this.function = function;
        this.handedOver = function.sharingArrays().orElse(function);
        this.wrt = wrt;
        this.stencil = stencil;
        this.precision = precision;
        this.outputShape = base.outputShape();
        this.outputSize = base.output().length;
        this.branches = base.branches();
        this.baseOutput = keepBaseOutput ? base.output() : null;
        this.point = point;
        this.inputs = inputs;
        this.counters = counters;
    }

    private double[] baseOutput() {
        if (baseOutput == null) {
            baseOutput = evaluate(handedOver, point, wrt.clone(), counters, () -> "the point checked").output();
        }
        return baseOutput;
    }

    /** The position of a stencil offset in the probe arrays. */
    int offsetIndex(int offset) {
        return stencil.indexOf(offset);
    }

    /** Probes element {@code k} of input {@code i}, projecting onto each of {@code upstreams}. */
    ProbeValues element(double[][] work, int i, int k, double[][] upstreams, double h) {
        int[] offsets = stencil.offsets();
        ProbeValues pv = new ProbeValues(offsets.length, upstreams.length, false);
        project(baseOutput(), upstreams, pv, stencil.zeroIndex());
        double x = work[i][k];
        try {
            for (int j = 0; j < offsets.length; j++) {
                if (j == stencil.zeroIndex()) {
                    continue;
                }
                int o = offsets[j];
                double moved = precision.round(x + o * h);
                if (moved == x) {
                    throw new GradCheckException(PointText.element(inputs, i, k) + ": the step " + h
                            + " vanishes next to the value " + x + " in " + precision
                            + "; choose a larger eps");
                }
                work[i][k] = moved;
                pv.t[j] = moved - x;
                Evaluation e = evaluate(work, () -> PointText.element(inputs, i, k) + " " + PointText.offset(o));
                int column = j;
                if (!accept(e, pv, out -> project(out, upstreams, pv, column), () -> "perturbing " + PointText.element(inputs, i, k) + " by "
                        + PointText.offset(o))) {
                    break;
                }
            }
        } finally {
            work[i][k] = x;
        }
        return pv;
    }

    /**
     * Probes along {@code direction} from the point (never modified: each probe is a new array,
     * handed over to the function), projecting onto the direction's {@code u}; {@code atPoint} is
     * {@code {u . f(x), sum |u_m f_m(x)|}} at the point itself, and {@code analytic} (the gradients
     * for {@code u}) gives the analytic derivative along the actual, rounded displacement.
     */
    ProbeValues direction(Direction direction, double[] atPoint, double[][] analytic, int number, double h) {
        int[] offsets = stencil.offsets();
        ProbeValues pv = new ProbeValues(offsets.length, 1, true);
        pv.record(0, stencil.zeroIndex(), atPoint);
        for (int j = 0; j < offsets.length; j++) {
            if (j != stencil.zeroIndex() && !alongDirection(direction, analytic, number, h, pv, j)) {
                break;
            }
        }
        return pv;
    }

    /**
     * One probe along a direction, at offset {@code j}: a new array for the moved point, handed over; in a
     * method of its own so that neither the moved point nor its value outlives the probe.
     */
    private boolean alongDirection(Direction direction, double[][] analytic, int number, double h, ProbeValues pv,
                                   int j) {
        int o = stencil.offsets()[j];
        double[][] moved = moved(point, wrt, precision, o * h, direction.v());
        double along = 0;
        for (int i = 0; i < point.length; i++) {
            if (wrt[i]) {
                for (int k = 0; k < moved[i].length; k++) {
                    along += analytic[i][k] * (moved[i][k] - point[i][k]);
                }
            }
        }
        pv.t[j] = o * h;
        pv.analyticAlong[j] = along;
        Evaluation e = evaluate(handedOver, moved, wrt, counters, () -> "direction " + number + " " + PointText.offset(o));
        return accept(e, pv, out -> pv.record(0, j, direction.project(out)),
                () -> "moving along direction " + number + " by " + PointText.offset(o));
    }

    /**
     * The point moved by {@code step} times a direction read in order, rounded to the precision: new
     * arrays for the differentiated inputs, the data inputs as they are (never written).
     */
    static double[][] moved(double[][] point, boolean[] wrt, Precision precision, double step,
                            Direction.Reader direction) {
        double[][] moved = new double[point.length][];
        for (int i = 0; i < point.length; i++) {
            if (!wrt[i]) {
                moved[i] = point[i];
                continue;
            }
            moved[i] = new double[point[i].length];
            for (int k = 0; k < moved[i].length; k++) {
                moved[i][k] = precision.round(point[i][k] + step * direction.next(i, k));
            }
        }
        return moved;
    }

    private Evaluation evaluate(double[][] work, Supplier<String> where) {
        return evaluate(function, work, wrt, counters, where);
    }

    /**
     * One counted forward evaluation; the function's exception, or a missing value, becomes a
     * {@link GradCheckException} that says {@code where}.
     */
    static Evaluation evaluate(CheckedFunction function, double[][] point, boolean[] wrt, Counters counters,
                               Supplier<String> where) {
        counters.forward.incrementAndGet();
        Evaluation e;
        try {
            e = function.evaluate(point, wrt);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError | AssertionError | LinkageError ex) {
            throw FunctionCrash.of("function", where.get(), ex);
        }
        if (e == null || e.output() == null) {
            throw new GradCheckException("the function returned no value at " + where.get());
        }
        return e;
    }

    /** Checks a probe's value (shape, finite, branches) and, if it can serve, hands it to {@code projection}. */
    private boolean accept(Evaluation e, ProbeValues pv, Consumer<double[]> projection,
                           Supplier<String> what) {
        double[] out = e.output();
        if (out.length != outputSize || !Arrays.equals(e.outputShape(), outputShape)) {
            pv.failure = what.get() + " changed the output shape from " + Arrays.toString(outputShape)
                    + " to " + Arrays.toString(e.outputShape());
            pv.shapeChanged = true;
            return false;
        }
        for (int m = 0; m < out.length; m++) {
            if (!Double.isFinite(out[m])) {
                pv.failure = "the numerical derivative is not finite: " + what.get() + " gives " + out[m]
                        + " at output " + Arrays.toString(Input.indexOf(outputShape, m));
                pv.nonFinite = true;
                return false;
            }
        }
        if (pv.kinkOp == null && branches != null) {
            pv.kinkOp = branches.firstDifference(e.branches());
        }
        projection.accept(out);
        return true;
    }

    /**
     * Projects one evaluation's outputs onto each of {@code upstreams}: {@code u . f} into column
     * {@code j} of {@code pv.g}, and {@code sum |u_m f_m|} into {@code pv.scale} if larger, both summed
     * in the order of {@link #accumulate}.
     */
    static void project(double[] out, double[][] upstreams, ProbeValues pv, int j) {
        for (int c = 0; c < upstreams.length; c++) {
            pv.record(c, j, projection(upstreams[c], out));
        }
    }

    /** {@code {u . f, sum |u_m f_m|}} for one evaluation's outputs {@code out}, in the order of {@link #accumulate}. */
    static double[] projection(double[] u, double[] out) {
        double[] partials = new double[PARTIALS];
        accumulate(u, 0, out, 0, out.length, partials);
        return new double[] {sum(partials), magnitude(partials)};
    }

    /**
     * Adds the terms {@code u[uFrom + t] * out[outFrom + t]}, {@code t < length}, to four interleaved
     * partial sums: the term of output {@code m} to partial {@code m mod 4} ({@code partials[0..3]}),
     * its magnitude likewise ({@code partials[4..7]}). One running sum waits for each addition to finish
     * before the next (four cycles a term), which made projecting 400 outputs onto four vectors cost
     * as much as the matrix product being checked; four run at once. A projection may be accumulated
     * in blocks, each starting at an output whose index is a multiple of 4 (the terms of every block
     * then reach the same partials as in one call). The order is fixed, so the result depends on
     * neither threads nor blocks; up to three outputs, {@link #sum} is the plain left-to-right sum.
     */
    static void accumulate(double[] u, int uFrom, double[] out, int outFrom, int length, double[] partials) {
        double s0 = partials[0], s1 = partials[1], s2 = partials[2], s3 = partials[3];
        double a0 = partials[4], a1 = partials[5], a2 = partials[6], a3 = partials[7];
        int blocked = length & ~3;
        for (int t = 0; t < blocked; t += 4) {
            double p0 = u[uFrom + t] * out[outFrom + t];
            double p1 = u[uFrom + t + 1] * out[outFrom + t + 1];
            double p2 = u[uFrom + t + 2] * out[outFrom + t + 2];
            double p3 = u[uFrom + t + 3] * out[outFrom + t + 3];
            s0 += p0;
            s1 += p1;
            s2 += p2;
            s3 += p3;
            a0 += Math.abs(p0);
            a1 += Math.abs(p1);
            a2 += Math.abs(p2);
            a3 += Math.abs(p3);
        }
        int rest = length - blocked;
        if (rest > 0) {
            double p = u[uFrom + blocked] * out[outFrom + blocked];
            s0 += p;
            a0 += Math.abs(p);
        }
        if (rest > 1) {
            double p = u[uFrom + blocked + 1] * out[outFrom + blocked + 1];
            s1 += p;
            a1 += Math.abs(p);
        }
        if (rest > 2) {
            double p = u[uFrom + blocked + 2] * out[outFrom + blocked + 2];
            s2 += p;
            a2 += Math.abs(p);
        }
        partials[0] = s0;
        partials[1] = s1;
        partials[2] = s2;
        partials[3] = s3;
        partials[4] = a0;
        partials[5] = a1;
        partials[6] = a2;
        partials[7] = a3;
    }

    /** {@code u . f} from {@link #accumulate}'s partials, added pairwise. */
    static double sum(double[] partials) {
        return (partials[0] + partials[1]) + (partials[2] + partials[3]);
    }

    /** {@code sum |u_m f_m|} from {@link #accumulate}'s partials, added pairwise. */
    static double magnitude(double[] partials) {
        return (partials[4] + partials[5]) + (partials[6] + partials[7]);
    }
}
