package dev.gradproof.autograd;

import org.apache.commons.math3.special.Erf;

/**
 * The standard normal distribution function {@code Phi(x) = erfc(-x / sqrt 2) / 2} (Commons Math's
 * {@link Erf}, accurate in both tails), local gradient the density
 * {@code phi(x) = e^(-x^2/2) / sqrt(2 pi)}, written with differentiable ops.
 */
final class NormalCdf extends Op {

    private static final double INV_SQRT_2 = 1.0 / Math.sqrt(2.0);
    private static final double INV_SQRT_2PI = 1.0 / Math.sqrt(2.0 * Math.PI);

    private NormalCdf(Variable x) {
        super("normalCdf", x);
    }

    static Variable apply(Variable x) {
        return new NormalCdf(x).record(x.value().map(v -> 0.5 * Erf.erfc(-v * INV_SQRT_2)));
    }

    @Override
    protected Variable[] backward(Variable upstream, Variable output) {
        Variable density = input(0).square().mul(-0.5).exp().mul(INV_SQRT_2PI);
        return new Variable[] {upstream.mul(density)};
    }
}
