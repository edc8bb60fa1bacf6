package dev.gradproof.gradcheck.engine;

import dev.gradproof.gradcheck.function.Evaluation;
import dev.gradproof.gradcheck.function.Input;
import dev.gradproof.gradcheck.model.Numbers;
import dev.gradproof.gradcheck.model.SanityCheck;

import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;

import java.util.Arrays;

/**
 * Forward determinism: the function is evaluated {@value #REPEATS} more times at the point checked.
 * A numerical derivative is a difference of values; if the values at one point vary (noise added
 * on purpose, a dropout mask drawn anew, a summation order that changes between runs), the
 * differences are partly noise and a wrong gradient can hide in it. A forward pass that varies by
 * more than the declared {@code nondeterminismTolerance} (relative; 0 by default: bitwise equal) is a
 * finding that fails the check, as for backward passes; one that varies within it has its spread
 * measured, per output, and the error model counts it as noise.
 */
final class ForwardRepeat {

    /** Evaluations beyond the first. */
    static final int REPEATS = 2;

    private ForwardRepeat() {
    }

    /**
     * Evaluates again and compares.
     *
     * @return per output the standard deviation of the repeated values (null when they were all bitwise
     *         equal), or null after a finding
     */
    static double[] measure(Backward backward, double[][] point, Evaluation base, double tolerance,
                            Findings findings) {
        double[] first = base.output();
        double[][] all = new double[REPEATS + 1][];
        all[0] = first;
        boolean varies = false;
        for (int r = 1; r <= REPEATS; r++) {
            double[] again = backward.evaluate(point).output();
            if (again.length != first.length) {
                findings.add(SanityCheck.FORWARD_DETERMINISTIC, null, "two forward passes at the same point have "
                        + first.length + " and " + again.length + " outputs");
                return null;
            }
            boolean same = true;
            for (int m = 0; m < first.length; m++) {
                if (Double.doubleToLongBits(first[m]) == Double.doubleToLongBits(again[m])) {
                    continue;
                }
                same = false;
                varies = true;
                double relative = Math.abs(first[m] - again[m]) / Math.max(Math.abs(first[m]), Math.abs(again[m]));
                if (!(relative <= tolerance)) {
                    findings.add(SanityCheck.FORWARD_DETERMINISTIC, null, "two forward passes at the same point differ"
                            + " at output " + Arrays.toString(Input.indexOf(base.outputShape(), m)) + ": " + first[m]
                            + " then " + again[m] + " (relative " + Numbers.sci(relative, 2) + ", tolerance "
                            + tolerance + "); differences of a function that varies at one point are noise, so its"
                            + " gradient cannot be checked: fix its randomness (a seeded dropout mask, a fixed"
                            + " summation order) or declare the variation with nondeterminismTolerance(...)");
                    return null;
                }
            }
            // a repeat equal to the first value bit for bit is not kept: the first stands for it
            all[r] = same ? first : again;
        }
        if (!varies) {
            return null;
        }
        // the sample standard deviation of each output over the evaluations (Commons Math, bias-corrected)
        StandardDeviation deviation = new StandardDeviation();
        double[] sigma = new double[first.length];
        double[] column = new double[all.length];
        for (int m = 0; m < first.length; m++) {
            for (int r = 0; r < all.length; r++) {
                column[r] = all[r][m];
            }
            sigma[m] = deviation.evaluate(column);
        }
        return sigma;
    }
}
