package dev.gradproof.autograd;

/**
 * Leaky ReLU as the notes define it, {@code 1(x < 0) a x + 1(x >= 0) x}. Branches: 0 where
 * {@code x < 0} (slope a), 1 where {@code x >= 0} (slope 1, so the kink {@code x = 0} takes 1).
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
        double[] in = x.value().data();
        double[] out = new double[in.length];
        int[] branches = new int[in.length];
        for (int i = 0; i < in.length; i++) {
            double v = in[i];
            if (v >= 0) {
                out[i] = v;
                branches[i] = 1;
            } else if (v < 0) {
                out[i] = slope * v;
                branches[i] = 0;
            } else {
                out[i] = v;
                branches[i] = NAN_BRANCH;
            }
        }
        return new LeakyRelu(x, slope, branches).record(Tensor.wrap(x.shape(), out));
    }

    @Override
    protected Variable[] backward(Variable upstream, Variable output) {
        return new Variable[] {upstream.mul(perBranch(output.shape(), slope, 1.0))};
    }
}
