package dev.gradproof.autograd;

/**
 * ELU as the notes define it: {@code x} for {@code x >= 0}, {@code alpha (e^x - 1)} below.
 * Branches: 0 where {@code x < 0} (slope {@code alpha e^x = y + alpha}), 1 where {@code x >= 0}
 * (slope 1, also at {@code x = 0}). With {@code alpha = 1} the two slopes meet at 0 and there is no
 * kink ({@link #hasKink()} is false).
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
        double[] in = x.value().data();
        double[] out = new double[in.length];
        int[] branches = new int[in.length];
        for (int i = 0; i < in.length; i++) {
            double v = in[i];
            if (v >= 0) {
                out[i] = v;
                branches[i] = 1;
            } else if (v < 0) {
                out[i] = alpha * Math.expm1(v);
                branches[i] = 0;
            } else {
                out[i] = v;
                branches[i] = NAN_BRANCH;
            }
        }
        return new Elu(x, alpha, branches).record(Tensor.wrap(x.shape(), out));
    }

    @Override
    public boolean hasKink() {
        return alpha != 1.0;
    }

    @Override
    protected Variable[] backward(Variable upstream, Variable output) {
        Variable negative = perBranch(output.shape(), 1.0, 0.0);
        Variable positive = perBranch(output.shape(), 0.0, 1.0);
        Variable slope = positive.add(negative.mul(output.add(alpha)));
        return new Variable[] {upstream.mul(slope)};
    }
}
