package dev.gradproof.autograd;

/**
 * An elementwise op defined piece by piece, which records per output element the piece (branch)
 * its forward pass took, so that a gradient checker can tell when a perturbation crosses a kink.
 *
 * <p>Branch codes are small non-negative integers documented by each op's legend;
 * {@link #NAN_BRANCH} marks a NaN input, which belongs to no branch and propagates as NaN.
 */
abstract class PiecewiseOp extends Op implements KinkedOp {

    /** The branch code of an element whose input was NaN. */
    static final int NAN_BRANCH = -1;

    private final int[] branches;
    private final String legend;

    PiecewiseOp(String name, int[] branches, String legend, Variable... inputs) {
        super(name, inputs);
        this.branches = branches;
        this.legend = legend;
    }

    @Override
    public final int[] branches() {
        return branches.clone();
    }

    @Override
    public final String branchLegend() {
        return legend;
    }

    /** A constant tensor of the output's shape with {@code slopes[b]} where branch {@code b} was taken, NaN for NaN. */
    final Variable perBranch(Shape shape, double... slopes) {
        double[] out = new double[branches.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = branches[i] == NAN_BRANCH ? Double.NaN : slopes[branches[i]];
        }
        return Variable.constant(Tensor.wrap(shape, out));
    }
}
