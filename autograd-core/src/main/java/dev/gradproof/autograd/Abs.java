package dev.gradproof.autograd;

/** {@code |x|}. Branches: 0 where {@code x < 0} (slope -1), 1 at {@code x = 0} (subgradient 0), 2 where {@code x > 0}. */
final class Abs extends PiecewiseOp {

    static final String LEGEND = "0: x < 0, slope -1; 1: x = 0, subgradient 0; 2: x > 0, slope 1; -1: NaN";

    private Abs(Variable x, int[] branches) {
        super("abs", branches, LEGEND, x);
    }

    static Variable apply(Variable x) {
        Pieces pieces = evaluate(x.value(), v -> v < 0 ? 0 : v == 0 ? 1 : v > 0 ? 2 : NAN_BRANCH,
                v -> -v, v -> 0.0, v -> v);
        return new Abs(x, pieces.branches()).record(pieces.value());
    }

    @Override
    protected Variable[] backward(Variable upstream, Variable output) {
        return new Variable[] {upstream.mul(perBranch(output.shape(), -1.0, 0.0, 1.0))};
    }
}
