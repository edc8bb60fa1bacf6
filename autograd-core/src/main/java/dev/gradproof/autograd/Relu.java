package dev.gradproof.autograd;

/**
 * {@code max(0, x)}. Branches: 0 where {@code x <= 0} (slope 0), 1 where {@code x > 0} (slope 1).
 * At the kink {@code x = 0} the subgradient is 0, as in the notes: the gradient passes "if x > 0,
 * otherwise 0".
 */
final class Relu extends PiecewiseOp {

    static final String LEGEND = "0: x <= 0, slope 0 (subgradient 0 at x = 0); 1: x > 0, slope 1; -1: NaN";

    private Relu(Variable x, int[] branches) {
        super("relu", branches, LEGEND, x);
    }

    static Variable apply(Variable x) {
        Pieces pieces = evaluate(x.value(), v -> v > 0 ? 1 : v <= 0 ? 0 : NAN_BRANCH, v -> 0.0, v -> v);
        return new Relu(x, pieces.branches()).record(pieces.value());
    }

    @Override
    protected Variable[] backward(Variable upstream, Variable output) {
        return new Variable[] {upstream.mul(perBranch(output.shape(), 0.0, 1.0))};
    }
}
