package dev.gradproof.gradcheck.catalogue;

import dev.gradproof.autograd.Variable;
import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;
import org.apache.commons.math3.special.Erf;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;

/**
 * An elementwise op of autograd-core paired with the same function written on Commons Math
 * {@link DerivativeStructure}s: forward-mode automatic differentiation, an oracle of the op's
 * derivatives that shares no code with the op's backward pass. At a kink the oracle takes the
 * branch the op documents (ReLU's subgradient 0 at 0, a tie of {@code maximum} going to the first
 * argument), so that it states the op's convention rather than guessing one.
 *
 * <p>The DerivativeStructure side is engine-neutral: another engine's author can reuse
 * {@link #valueAndGradient(double...)} for the same ops.
 */
public final class ElementwiseOracle {

    /** The relative agreement required between an op's derivative and the oracle's. */
    public static final double RELATIVE_TOLERANCE = 1e-12;

    /**
     * The absolute floor, in units of machine epsilon times {@code max(1, |f(x)|)}. Ops whose backward
     * reuses their output {@code y} (sigmoid's {@code (1 - y) y}, tanh's {@code 1 - y^2}) inherit the
     * half-ulp rounding of {@code y}: where the derivative is far smaller than {@code y} (the tails of
     * sigmoid and tanh, where {@code 1 - y} cancels) its absolute error is a few {@code eps max(1, |y|)},
     * and so is the error of a derivative that is a sum of terms of that size cancelling near zero
     * (SiLU and GELU at their minima). Eight units bound those few roundings.
     */
    public static final double FLOOR_ULPS = 8;

    private static final double MACHINE_EPSILON = Math.ulp(1.0);
    private static final double INV_SQRT_2 = 1 / Math.sqrt(2);
    private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

    private final int arity;
    private final Function<List<Variable>, Variable> op;
    private final Function<DerivativeStructure[], DerivativeStructure> oracle;

    private ElementwiseOracle(int arity, Function<List<Variable>, Variable> op,
                              Function<DerivativeStructure[], DerivativeStructure> oracle) {
        this.arity = arity;
        this.op = op;
        this.oracle = oracle;
    }

    /** A unary op and its oracle. */
    public static ElementwiseOracle unary(UnaryOperator<Variable> op, UnaryOperator<DerivativeStructure> oracle) {
        return new ElementwiseOracle(1, v -> op.apply(v.get(0)), x -> oracle.apply(x[0]));
    }

    /** A binary op (broadcasting) and its oracle. */
    public static ElementwiseOracle binary(BinaryOperator<Variable> op, BinaryOperator<DerivativeStructure> oracle) {
        return new ElementwiseOracle(2, v -> op.apply(v.get(0), v.get(1)), x -> oracle.apply(x[0], x[1]));
    }

    /** The number of arguments. */
    public int arity() {
        return arity;
    }

    /** The op under test, applied to autograd-core variables. */
    public Variable apply(List<Variable> inputs) {
        return op.apply(inputs);
    }

    /** The oracle, applied to derivative structures. */
    public DerivativeStructure apply(DerivativeStructure... x) {
        if (x.length != arity) {
            throw new IllegalArgumentException("oracle: " + x.length + " arguments for an op of arity " + arity);
        }
        return oracle.apply(x);
    }

    /** {@code [f(x), df/dx_0, ..., df/dx_(arity-1)]} at one point, by forward-mode differentiation. */
    public double[] valueAndGradient(double... x) {
        DerivativeStructure[] args = new DerivativeStructure[arity];
        for (int i = 0; i < arity; i++) {
            args[i] = new DerivativeStructure(arity, 1, i, x[i]);
        }
        DerivativeStructure y = apply(args);
        double[] out = new double[arity + 1];
        out[0] = y.getValue();
        for (int i = 0; i < arity; i++) {
            int[] orders = new int[arity];
            orders[i] = 1;
            out[i + 1] = y.getPartialDerivative(orders);
        }
        return out;
    }

    /**
     * The largest {@code |analytic - oracle|} accepted for a derivative {@code derivative} of a function
     * whose value is {@code value}: {@link #RELATIVE_TOLERANCE} relative, with the floor of
     * {@link #FLOOR_ULPS}.
     */
    public static double allowedError(double derivative, double value) {
        return RELATIVE_TOLERANCE * Math.abs(derivative) + FLOOR_ULPS * MACHINE_EPSILON * Math.max(1, Math.abs(value));
    }

    // ------------------------------------------------------------------ oracles of the notes' functions

    /** {@code 1 / (1 + e^-x)}, evaluated without overflow on either side. */
    public static DerivativeStructure sigmoid(DerivativeStructure x) {
        if (x.getValue() >= 0) {
            return x.negate().exp().add(1).reciprocal();
        }
        DerivativeStructure e = x.exp();
        return e.divide(e.add(1));
    }

    /**
     * The standard normal distribution function: its value from Commons Math's {@link Erf#erfc} (the
     * only accurate tail at hand), its derivatives from the density {@code e^(-x^2/2) / sqrt(2 pi)}
     * written out ({@code phi}, {@code -x phi}, {@code (x^2 - 1) phi}).
     */
    public static DerivativeStructure normalCdf(DerivativeStructure x) {
        if (x.getOrder() > 3) {
            throw new IllegalArgumentException("normalCdf oracle: derivatives up to order 3, asked for " + x.getOrder());
        }
        double v = x.getValue();
        double phi = Math.exp(-0.5 * v * v) * INV_SQRT_2PI;
        double[] derivatives = {0.5 * Erf.erfc(-v * INV_SQRT_2), phi, -v * phi, (v * v - 1) * phi};
        return x.compose(Arrays.copyOf(derivatives, x.getOrder() + 1));
    }

    /** {@code x} where {@code x > 0}, else {@code 0 x}: ReLU with the subgradient 0 at 0. */
    public static DerivativeStructure relu(DerivativeStructure x) {
        return x.getValue() > 0 ? x : x.multiply(0);
    }

    /** {@code x} where {@code x >= 0}, else {@code slope x}: the slope 1 at 0. */
    public static DerivativeStructure leakyRelu(DerivativeStructure x, double slope) {
        return x.getValue() >= 0 ? x : x.multiply(slope);
    }

    /** {@code x} where {@code x >= 0}, else {@code alpha (e^x - 1)}: the slope 1 at 0. */
    public static DerivativeStructure elu(DerivativeStructure x, double alpha) {
        return x.getValue() >= 0 ? x : x.expm1().multiply(alpha);
    }

    /** {@code |x|} with the subgradient 0 at 0. */
    public static DerivativeStructure abs(DerivativeStructure x) {
        return x.getValue() > 0 ? x : x.getValue() < 0 ? x.negate() : x.multiply(0);
    }

    /** The larger argument; a tie goes to the first. */
    public static DerivativeStructure maximum(DerivativeStructure a, DerivativeStructure b) {
        return a.getValue() >= b.getValue() ? a : b;
    }

    /** The smaller argument; a tie goes to the first. */
    public static DerivativeStructure minimum(DerivativeStructure a, DerivativeStructure b) {
        return a.getValue() <= b.getValue() ? a : b;
    }
}
