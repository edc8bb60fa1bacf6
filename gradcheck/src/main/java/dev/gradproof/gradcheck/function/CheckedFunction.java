package dev.gradproof.gradcheck.function;

import dev.gradproof.gradcheck.model.Precision;
import java.util.Optional;

/**
 * A function under check, seen through plain arrays, so that any autograd engine (or a student's
 * hand-written backward) can be checked: a forward evaluation and a vector-Jacobian product.
 *
 * <p>The checker calls both from several threads at once, each with its own arrays; an
 * implementation must not keep state between calls (or the check must run with parallelism 1).
 * It must not modify the arrays it is given: the checker verifies that it does not.
 *
 * <p>Ready-made implementations: {@link ForeignFunction} (two lambdas over {@code double[]}),
 * {@link AutogradFunction} (autograd-core), and the second-order functions
 * {@link ForeignVjpFunction} and {@link AutogradVjpFunction}.
 */
public interface CheckedFunction {

    /**
     * The function's value at {@code point}.
     *
     * @param point one row-major array per input
     * @param wrt   which inputs are differentiated (the others are data, such as {@code x} or labels)
     */
    Evaluation evaluate(double[][] point, boolean[] wrt);

    /**
     * The vector-Jacobian product {@code upstream^T J}: for every input the gradient of
     * {@code sum(upstream * f(point))} with respect to it, row-major, of the input's size. An entry
     * may be null for an input with {@code wrt[i] == false}; an input the output ignores must get
     * zeros.
     *
     * @param upstream the gradient with respect to the output, of the output's size
     */
    double[][] vectorJacobianProduct(double[][] point, double[] upstream, boolean[] wrt);

    /** The precision the function computes in; steps and tolerances scale with it. */
    default Precision precision() {
        return Precision.FLOAT64;
    }

    /**
     * A first-order bound on the rounding error of the component {@code <upstream, f(point)>}, in
     * units of machine epsilon: {@code sum over the computed values v of |d<upstream, f>/dv| |v|}
     * (with a reduction's {@code |v|} replaced by the sum of its terms' magnitudes). A small output
     * computed from large intermediates ({@code 1 - tanh(x)^2} near saturation, a log-softmax of
     * widely spread logits) is rounded on the scale of the intermediates, not of the output, and the
     * checker's tolerance must allow for it. NaN when the function cannot tell (foreign code): the
     * checker then uses the magnitude of the outputs.
     */
    default double roundingScale(double[][] point, double[] upstream, boolean[] wrt) {
        return Double.NaN;
    }

    /**
     * This function for arrays handed over for good, or empty when it cannot take them so. The checker
     * never writes an array it hands over (the point checked itself, a point made for one probe), so
     * such a function may keep and read it without a copy: with an input of 10,000,000 elements, each
     * copy is 80 MB. A function that returns one must never write the arrays it is handed (it reads
     * them through values nobody should change, such as autograd-core's tensors): the checker watches
     * the point and the upstream with a fingerprint taken before and after each call instead of
     * comparing copies, and a write fails the check. It must return arrays of its own (a new value,
     * new gradients) that it does not write afterwards.
     */
    default Optional<CheckedFunction> sharingArrays() {
        return Optional.empty();
    }

    /**
     * For sampling: per input and element, how strongly the element influences op elements near a
     * kink (larger is nearer), or null when the function cannot tell (foreign code).
     *
     * @param seed for any random probing
     */
    default double[][] kinkProximity(double[][] point, boolean[] wrt, long seed) {
        return null;
    }
}
