package dev.gradproof.autograd;

/** {@code |x|}. Branches: 0 where {@code x < 0} (slope -1), 1 at {@code x = 0} (subgradient 0), 2 where {@code x > 0}. */
final class Abs extends PiecewiseOp {

    static final String LEGEND = "0: x < 0, slope -1; 1: x = 0, subgradient 0; 2: x > 0, slope 1; -1: NaN";

    private Abs(Variable x, int[] branches) {
        super("abs", branches, LEGEND, x);
    }

    static Variable apply(Variable x) {
        double[] in = x.value().data();
        double[] out = new double[in.length];
        int[] branches = new int[in.length];
        for (int i = 0; i < in.length; i++) {
            double v = in[i];
            out[i] = Math.abs(v);
            branches[i] = v < 0 ? 0 : v == 0 ? 1 : v > 0 ? 2 : NAN_BRANCH;
        }
        return new Abs(x, branches).record(Tensor.wrap(x.shape(), out));
    }

    @Override
    protected Variable[] backward(Variable upstream, Variable output) {
        return new Variable[] {upstream.mul(perBranch(output.shape(), -1.0, 0.0, 1.0))};
    }
}
