package dev.gradproof.autograd;

import java.util.function.DoubleToIntFunction;
import java.util.function.DoubleUnaryOperator;

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

    /** The value of a piecewise function and the branch each element took. */
    record Pieces(Tensor value, int[] branches) {
    }

    /**
     * Evaluates an elementwise piecewise function: {@code branchOf} names the piece of each input
     * ({@link #NAN_BRANCH} for NaN, whose value stays NaN) and {@code pieces[b]} computes piece b.
     */
    static Pieces evaluate(Tensor x, DoubleToIntFunction branchOf, DoubleUnaryOperator... pieces) {
        double[] in = x.data();
        double[] out = new double[in.length];
        int[] branches = new int[in.length];
        for (int i = 0; i < in.length; i++) {
            double v = in[i];
            int branch = branchOf.applyAsInt(v);
            branches[i] = branch;
            out[i] = branch == NAN_BRANCH ? v : pieces[branch].applyAsDouble(v);
        }
        return new Pieces(Tensor.wrap(x.shape(), out), branches);
    }

    /** Branch 1 for {@code v >= 0}, 0 for {@code v < 0}, {@link #NAN_BRANCH} for NaN. */
    static int nonNegativeBranch(double v) {
        return v >= 0 ? 1 : v < 0 ? 0 : NAN_BRANCH;
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
