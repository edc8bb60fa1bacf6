package dev.gradproof.gradcheck.engine;

import dev.gradproof.gradcheck.function.CheckedFunction;
import dev.gradproof.gradcheck.function.Evaluation;
import dev.gradproof.gradcheck.function.Input;
import dev.gradproof.gradcheck.model.SanityCheck;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * The analytic side: vector-Jacobian products, each validated (one gradient per input, non-null,
 * of the input's size) and watched for mutation of the point or the upstream. Findings name the
 * input, the expected and the actual shape.
 *
 * <p>A function that takes arrays handed over for good ({@link CheckedFunction#sharingArrays()})
 * gets the point and the upstream themselves, neither of which the checker writes, and its
 * gradients are its own, so they are not copied again. It must not write them either (an
 * autograd-core function could, through {@code Tensor.data()}): a fingerprint of each array, taken
 * before the call and again after it, catches a write without holding a copy. Any other function
 * gets copies, compared with the originals afterwards.
 */
final class Backward {

    private final CheckedFunction function;
    /** The function taking arrays handed over for good, or null. */
    private final CheckedFunction sharing;
    private final boolean[] wrt;
    private final List<Input> inputs;
    private final Counters counters;
    private final Findings findings;

    Backward(CheckedFunction function, boolean[] wrt, List<Input> inputs, Counters counters, Findings findings) {
        this.function = function;
        this.sharing = function.sharingArrays().orElse(null);
        this.wrt = wrt;
        this.inputs = inputs;
        this.counters = counters;
        this.findings = findings;
    }

    /**
     * The function's rounding scale for the component {@code upstream} (see
     * {@link CheckedFunction#roundingScale}), or 0 when it cannot tell; one forward and one backward
     * pass, at the base point only.
     */
    double roundingScale(double[][] point, double[] upstream) {
        counters.forward.incrementAndGet();
        counters.backward.incrementAndGet();
        double scale = sharing != null ? sharing.roundingScale(point, upstream, wrt.clone())
                : function.roundingScale(Workers.copy(point), upstream.clone(), wrt.clone());
        return Double.isFinite(scale) ? scale : 0;
    }

    /**
     * The gradients for {@code upstream} at {@code point}; entries are null for data inputs and for
     * inputs whose gradient is missing or misshapen (a finding says so).
     */
    double[][] run(double[][] point, double[] upstream) {
        double[][] grads = sharing != null ? fingerprintedVectorJacobianProduct(point, upstream)
                : watchedVectorJacobianProduct(point, upstream);
        double[][] valid = new double[point.length][];
        if (grads == null) {
            findings.add(SanityCheck.GRADIENT_SHAPE, null, "backward returned null instead of "
                    + point.length + " gradients");
            return valid;
        }
        if (grads.length != point.length) {
            findings.add(SanityCheck.GRADIENT_SHAPE, null, "backward returned " + grads.length
                    + (grads.length == 1 ? " gradient" : " gradients") + " for " + point.length + " inputs");
        }
        for (int i = 0; i < point.length; i++) {
            if (!wrt[i]) {
                continue;
            }
            double[] g = i < grads.length ? grads[i] : null;
            if (g == null) {
                findings.add(SanityCheck.GRADIENT_SHAPE, i, PointText.input(inputs, i) + ": the gradient is "
                        + (i < grads.length ? "null" : "missing") + "; even an input the output ignores must get zeros of shape "
                        + inputs.get(i).shapeText());
            } else if (g.length != point[i].length) {
                findings.add(SanityCheck.GRADIENT_SHAPE, i, PointText.input(inputs, i) + ": the gradient has "
                        + g.length + " elements, expected shape " + inputs.get(i).shapeText() + " ("
                        + point[i].length + " elements)");
            } else {
                valid[i] = sharing != null ? g : g.clone();
            }
        }
        return valid;
    }

    /** The function's gradients for copies of the point and the upstream, reporting any change it makes to them. */
    private double[][] watchedVectorJacobianProduct(double[][] point, double[] upstream) {
        double[][] given = Workers.copy(point);
        double[] up = upstream.clone();
        double[][] grads = vectorJacobianProduct(function, given, up);
        reportMutation(point, given, "backward");
        for (int m = 0; m < up.length; m++) {
            if (Double.doubleToLongBits(up[m]) != Double.doubleToLongBits(upstream[m])) {
                findings.add(SanityCheck.INPUTS_NOT_MUTATED, null, "backward changed the upstream gradient at "
                        + m + ": " + upstream[m] + " became " + up[m]);
                break;
            }
        }
        return grads;
    }

    /** The sharing function's gradients for the point and the upstream themselves, reporting any write to them. */
    private double[][] fingerprintedVectorJacobianProduct(double[][] point, double[] upstream) {
        long[] before = Fingerprint.of(point);
        long upstreamBefore = Fingerprint.of(upstream);
        double[][] grads = vectorJacobianProduct(sharing, point, upstream);
        reportWrites(point, before, "backward");
        if (Fingerprint.of(upstream) != upstreamBefore) {
            findings.add(SanityCheck.INPUTS_NOT_MUTATED, null, "backward changed the upstream gradient it was"
                    + " handed (read in place, never to be written)");
        }
        return grads;
    }

    /** One counted backward pass; whatever the function throws becomes a {@link FunctionCrash}. */
    private double[][] vectorJacobianProduct(CheckedFunction f, double[][] point, double[] upstream) {
        counters.backward.incrementAndGet();
        try {
            return f.vectorJacobianProduct(point, upstream, wrt.clone());
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError | AssertionError | LinkageError e) {
            throw FunctionCrash.of("backward pass", "the point checked", e);
        }
    }

    /**
     * Evaluates the function at the point: handed over to a function that takes it so, else on a copy,
     * reporting any change the function makes to the copy.
     */
    Evaluation evaluate(double[][] point) {
        if (sharing != null) {
            long[] before = Fingerprint.of(point);
            Evaluation e = Prober.evaluate(sharing, point, wrt.clone(), counters, () -> "the point checked");
            reportWrites(point, before, "forward");
            return e;
        }
        double[][] given = Workers.copy(point);
        Evaluation e = Prober.evaluate(function, given, wrt.clone(), counters, () -> "the point checked");
        reportMutation(point, given, "forward");
        return e;
    }

    /** A finding for each input whose fingerprint is no longer {@code before}'s. */
    private void reportWrites(double[][] point, long[] before, String pass) {
        long[] after = Fingerprint.of(point);
        for (int i = 0; i < point.length; i++) {
            if (after[i] != before[i]) {
                findings.add(SanityCheck.INPUTS_NOT_MUTATED, i, pass + " changed " + PointText.input(inputs, i)
                        + ", which it was handed to read in place (its values' fingerprint changed)");
            }
        }
    }

    private void reportMutation(double[][] before, double[][] after, String pass) {
        for (int i = 0; i < before.length; i++) {
            for (int k = 0; k < before[i].length; k++) {
                if (Double.doubleToLongBits(before[i][k]) != Double.doubleToLongBits(after[i][k])) {
                    findings.add(SanityCheck.INPUTS_NOT_MUTATED, i, pass + " changed "
                            + PointText.element(inputs, i, k) + ": " + before[i][k] + " became " + after[i][k]);
                    break;
                }
            }
        }
    }

    /**
     * Backward run twice with the same upstream must agree within {@code tolerance} (relative); twice
     * the upstream must give twice the gradients (exact in binary floating point, up to that tolerance),
     * so a backward pass that ignores the upstream it is handed is caught even for a scalar output; a
     * zero upstream must give exactly zero gradients.
     */
    void sanity(double[][] point, double[] upstream, double[][] first, double tolerance) {
        sanity(point, () -> upstream, () -> twice(upstream), upstream.length, first, tolerance);
    }

    /**
     * As {@link #sanity(double[][], double[], double[][], double)}, with the upstream and twice the upstream
     * made when needed, so that a large one (a FAST direction's, drawn again from its seed) is held only
     * while its own backward pass runs.
     */
    void sanity(double[][] point, Supplier<double[]> upstream, Supplier<double[]> twiceUpstream, int outputSize,
                double[][] first, double tolerance) {
        // one pass at a time, each in a method of its own, so that only one more set of gradients is held at once
        sameAgain(point, upstream.get(), first, tolerance);
        twiceForTwice(point, twiceUpstream.get(), first, tolerance);
        zeroForZero(point, outputSize, first);
    }

    private void sameAgain(double[][] point, double[] upstream, double[][] first, double tolerance) {
        double[][] second = run(point, upstream);
        for (int i = 0; i < point.length; i++) {
            if (first[i] == null || second[i] == null) {
                continue;
            }
            for (int k = 0; k < first[i].length; k++) {
                double a = first[i][k];
                double b = second[i][k];
                boolean same = Double.doubleToLongBits(a) == Double.doubleToLongBits(b)
                        || Math.abs(a - b) <= tolerance * Math.max(Math.abs(a), Math.abs(b));
                if (!same) {
                    findings.add(SanityCheck.BACKWARD_DETERMINISTIC, i, "two backward passes with the same upstream"
                            + " differ at " + PointText.element(inputs, i, k) + ": " + a + " then " + b
                            + " (relative tolerance " + tolerance + ")");
                    break;
                }
            }
        }
    }

    private void twiceForTwice(double[][] point, double[] twiceUpstream, double[][] first, double tolerance) {
        double[][] doubled = run(point, twiceUpstream);
        for (int i = 0; i < point.length; i++) {
            if (first[i] == null || doubled[i] == null) {
                continue;
            }
            for (int k = 0; k < first[i].length; k++) {
                double expected = 2 * first[i][k];
                double got = doubled[i][k];
                boolean same = !Double.isFinite(expected) || Double.doubleToLongBits(expected) == Double.doubleToLongBits(got)
                        || Math.abs(expected - got) <= Math.max(tolerance, 4 * Math.ulp(1.0)) * Math.abs(expected);
                if (!same) {
                    findings.add(SanityCheck.UPSTREAM_LINEAR, i, "twice the upstream gave " + PointText.element(inputs, i, k)
                            + " the gradient " + got + ", expected twice " + first[i][k] + " = " + expected
                            + " (backward must scale with the upstream it is handed; does it ignore it?)");
                    break;
                }
            }
        }
    }

    private void zeroForZero(double[][] point, int outputSize, double[][] first) {
        double[][] zero = run(point, new double[outputSize]);
        for (int i = 0; i < point.length; i++) {
            if (zero[i] == null) {
                continue;
            }
            for (int k = 0; k < zero[i].length; k++) {
                boolean knownBad = first[i] != null && !Double.isFinite(first[i][k]);
                if (zero[i][k] != 0 && !knownBad) {
                    findings.add(SanityCheck.ZERO_UPSTREAM, i, "a zero upstream gave " + PointText.element(inputs, i, k)
                            + " the gradient " + zero[i][k] + " (expected 0: backward must be linear in the"
                            + " upstream; does it ignore it?)");
                    break;
                }
            }
        }
    }

    private static double[] twice(double[] upstream) {
        double[] doubled = new double[upstream.length];
        for (int m = 0; m < upstream.length; m++) {
            doubled[m] = 2 * upstream[m];
        }
        return doubled;
    }

    /** The analytic gradients as one list of per-input arrays, reported for NaN or infinity. */
    void reportNonFinite(double[][] grads) {
        for (int i = 0; i < grads.length; i++) {
            if (grads[i] == null) {
                continue;
            }
            int bad = 0;
            int first = -1;
            for (int k = 0; k < grads[i].length; k++) {
                if (!Double.isFinite(grads[i][k])) {
                    bad++;
                    if (first < 0) {
                        first = k;
                    }
                }
            }
            if (bad > 0) {
                findings.add(SanityCheck.FINITE_ANALYTIC, i, "the analytic gradient of " + PointText.input(inputs, i)
                        + " is " + grads[i][first] + " at " + Arrays.toString(inputs.get(i).index(first))
                        + (bad > 1 ? " (and " + (bad - 1) + " more elements)" : ""));
            }
        }
    }
}
