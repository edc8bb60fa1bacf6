package dev.gradproof.autograd;

/**
 * Leaky ReLU as the notes define it, {@code 1(x < 0) a x + 1(x >= 0) x}. Branches: 0 where
 * {@code x < 0} (slope a), 1 where {@code x >= 0} (slope 1, so the kink {@code x = 0} takes 1).
 * With {@code a = 1} it is the identity and has no kink.
 */
final class LeakyRelu extends PiecewiseOp {

    static final double DEFAULT_SLOPE = 0.01;

    private final double slope;

    private LeakyRelu(Variable x, double slope, int[] branches) {
        super("leakyRelu", branches,
                "0: x < 0, slope " + slope + "; 1: x >= 0, slope 1 (subgradient 1 at x = 0); -1: NaN", x);
        this.slope = slope;
    }

    static Variable apply(Variable x, double slope) {
        Pieces pieces = evaluate(x.value(), PiecewiseOp::nonNegativeBranch, v -> slope * v, v -> v);
        return new LeakyRelu(x, slope, pieces.branches()).record(pieces.value());
    }

    @Override
    public boolean hasKink() {
        return slope != 1.0;
    }

    @Override
    protected Variable[] backward(Variable upstream, Variable output) {
        return new Variable[] {upstream.mul(perBranch(output.shape(), slope, 1.0))};
    }
}
