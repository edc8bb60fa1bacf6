package dev.gradproof.gradcheck.engine;

import dev.gradproof.gradcheck.function.CheckedFunction;
import dev.gradproof.gradcheck.function.Evaluation;
import dev.gradproof.gradcheck.function.Input;
import dev.gradproof.gradcheck.model.Precision;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * The numerical side: evaluates the function around the point, one element at a time
 * (FULL/SAMPLED) or along a direction (FAST), projects the outputs onto the compared components,
 * watches branch records, output shapes and finiteness, and always restores the perturbed values,
 * also when the function throws.
 */
final class Prober {

    private final CheckedFunction function;
    private final boolean[] wrt;
    private final Stencil stencil;
    private final Precision precision;
    private final Evaluation base;
    private final List<Input> inputs;
    private final Counters counters;

    Prober(CheckedFunction function, boolean[] wrt, Stencil stencil, Precision precision, Evaluation base,
           List<Input> inputs, Counters counters) {
        this.function = function;
        this.wrt = wrt;
        this.stencil = stencil;
        this.precision = precision;
        this.base = base;
        this.inputs = inputs;
        this.counters = counters;
    }

    /** The position of a stencil offset in the probe arrays. */
    int offsetIndex(int offset) {
        return stencil.indexOf(offset);
    }

    /** Probes element {@code k} of input {@code i}, projecting onto each of {@code upstreams}. */
    ProbeValues element(double[][] work, int i, int k, double[][] upstreams, double h) {
        int[] offsets = stencil.offsets();
        ProbeValues pv = new ProbeValues(offsets.length, upstreams.length, false);
        project(base.output(), upstreams, pv, stencil.zeroIndex());
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
                if (!accept(e, pv, j, upstreams, () -> "perturbing " + PointText.element(inputs, i, k) + " by "
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
     * Probes along direction {@code v} from {@code origin} (the point, never modified; {@code work} is
     * the worker's copy of it, restored afterwards), projecting onto
     * {@code upstream}; {@code analytic} (the gradients for that upstream) gives the analytic
     * derivative along the actual, rounded displacement.
     */
    ProbeValues direction(double[][] work, double[][] origin, double[][] v, double[] upstream, double[][] analytic,
                          int number, double h) {
        int[] offsets = stencil.offsets();
        double[][] us = {upstream};
        ProbeValues pv = new ProbeValues(offsets.length, 1, true);
        project(base.output(), us, pv, stencil.zeroIndex());
        double[][] saved = origin;
        try {
            for (int j = 0; j < offsets.length; j++) {
                if (j == stencil.zeroIndex()) {
                    continue;
                }
                int o = offsets[j];
                double along = 0;
                for (int i = 0; i < work.length; i++) {
                    if (!wrt[i]) {
                        continue;
                    }
                    for (int k = 0; k < work[i].length; k++) {
                        double moved = precision.round(saved[i][k] + o * h * v[i][k]);
                        work[i][k] = moved;
                        along += analytic[i][k] * (moved - saved[i][k]);
                    }
                }
                pv.t[j] = o * h;
                pv.analyticAlong[j] = along;
                Evaluation e = evaluate(work, () -> "direction " + number + " " + PointText.offset(o));
                if (!accept(e, pv, j, us, () -> "moving along direction " + number + " by "
                        + PointText.offset(o))) {
                    break;
                }
            }
        } finally {
            for (int i = 0; i < work.length; i++) {
                System.arraycopy(saved[i], 0, work[i], 0, saved[i].length);
            }
        }
        return pv;
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

    private boolean accept(Evaluation e, ProbeValues pv, int j, double[][] upstreams,
                           Supplier<String> what) {
        double[] out = e.output();
        if (out.length != base.output().length || !Arrays.equals(e.outputShape(), base.outputShape())) {
            pv.failure = what.get() + " changed the output shape from " + Arrays.toString(base.outputShape())
                    + " to " + Arrays.toString(e.outputShape());
            pv.shapeChanged = true;
            return false;
        }
        for (int m = 0; m < out.length; m++) {
            if (!Double.isFinite(out[m])) {
                pv.failure = "the numerical derivative is not finite: " + what.get() + " gives " + out[m]
                        + " at output " + Arrays.toString(Input.indexOf(base.outputShape(), m));
                pv.nonFinite = true;
                return false;
            }
        }
        if (pv.kinkOp == null && base.branches() != null) {
            pv.kinkOp = base.branches().firstDifference(e.branches());
        }
        project(out, upstreams, pv, j);
        return true;
    }

    /**
     * Projects one evaluation's outputs onto each of {@code upstreams}: {@code u . f} into column
     * {@code j} of {@code pv.g}, and {@code sum |u_m f_m|} into {@code pv.scale} if larger.
     *
     * <p>Each sum runs in four interleaved partial sums, added pairwise at the end: one running sum
     * waits for each addition to finish before the next (four cycles a term), which made projecting
     * 400 outputs onto four vectors cost as much as the matrix product being checked. The order is
     * fixed, so the result does not depend on threads; up to three outputs it is the plain
     * left-to-right sum.
     */
    static void project(double[] out, double[][] upstreams, ProbeValues pv, int j) {
        int size = out.length;
        int blocked = size & ~3;
        for (int c = 0; c < upstreams.length; c++) {
            double[] u = upstreams[c];
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            double a0 = 0, a1 = 0, a2 = 0, a3 = 0;
            for (int m = 0; m < blocked; m += 4) {
                double p0 = u[m] * out[m];
                double p1 = u[m + 1] * out[m + 1];
                double p2 = u[m + 2] * out[m + 2];
                double p3 = u[m + 3] * out[m + 3];
                s0 += p0;
                s1 += p1;
                s2 += p2;
                s3 += p3;
                a0 += Math.abs(p0);
                a1 += Math.abs(p1);
                a2 += Math.abs(p2);
                a3 += Math.abs(p3);
            }
            for (int m = blocked; m < size; m++) {
                double p = u[m] * out[m];
                s0 += p;
                a0 += Math.abs(p);
            }
            pv.g[c][j] = (s0 + s1) + (s2 + s3);
            pv.scale[c] = Math.max(pv.scale[c], (a0 + a1) + (a2 + a3));
        }
    }
}
