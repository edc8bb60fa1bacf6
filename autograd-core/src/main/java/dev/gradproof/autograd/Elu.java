package dev.gradproof.autograd;

/**
 * ELU as the notes define it: {@code x} for {@code x >= 0}, {@code alpha (e^x - 1)} below.
 * Branches: 0 where {@code x < 0} (slope {@code alpha e^x}), 1 where {@code x >= 0} (slope 1, also
 * at {@code x = 0}). With {@code alpha = 1} the two slopes meet at 0 and there is no kink
 * ({@link #hasKink()} is false).
 */
final class Elu extends PiecewiseOp {

    static final double DEFAULT_ALPHA = 1.0;

    private final double alpha;

    private Elu(Variable x, double alpha, int[] branches) {
        super("elu", branches, "0: x < 0, slope alpha e^x (alpha = " + alpha
                + "); 1: x >= 0, slope 1 (subgradient 1 at x = 0); -1: NaN", x);
        this.alpha = alpha;
    }

    static Variable apply(Variable x, double alpha) {
        Pieces pieces = evaluate(x.value(), PiecewiseOp::nonNegativeBranch, v -> alpha * Math.expm1(v), v -> v);
        return new Elu(x, alpha, pieces.branches()).record(pieces.value());
    }

    @Override
    public boolean hasKink() {
        return alpha != 1.0;
    }

    /**
     * The slope is {@code 1} on branch 1 and {@code alpha e^x} on branch 0, written as
     * {@code alpha e^min(x, 0)} so that it stays differentiable (second order) and finite for
     * {@code x = +inf}, where a masked {@code 0 * e^x} would be NaN.
     */
    @Override
    protected Variable[] backward(Variable upstream, Variable output) {
        Variable negativeSlope = input(0).minimum(Variable.constant(0.0)).exp().mul(alpha);
        Variable slope = perBranch(output.shape(), 0.0, 1.0)
                .add(perBranch(output.shape(), 1.0, 0.0).mul(negativeSlope));
        return new Variable[] {upstream.mul(slope)};
    }
}
