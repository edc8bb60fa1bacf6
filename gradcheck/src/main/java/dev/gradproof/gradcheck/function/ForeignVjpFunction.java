package dev.gradproof.gradcheck.function;

import dev.gradproof.gradcheck.model.Precision;

/**
 * The backward pass of foreign code as a function of its own, for second-order checks: its inputs
 * are the function's inputs followed by the upstream, its output the gradients of the
 * differentiated inputs laid end to end, and its vector-Jacobian product the user's
 * {@link DoubleBackward}. Where the function keeps a branch record (an adapter of an autograd engine),
 * the backward pass has its kinks where the function's branches change, so its evaluations carry the
 * function's record at the same point (one extra forward evaluation each).
 */
public final class ForeignVjpFunction implements CheckedFunction {

    private final CheckedFunction first;
    private final DoubleBackward second;

    /**
     * @param first  the function whose backward pass is checked
     * @param second the derivative of that backward pass
     */
    public ForeignVjpFunction(CheckedFunction first, DoubleBackward second) {
        this.first = first;
        this.second = second;
    }

    @Override
    public Precision precision() {
        return first.precision();
    }

    @Override
    public Evaluation evaluate(double[][] point, boolean[] wrt) {
        int n = point.length - 1;
        double[][] x = Gradients.head(point, n);
        boolean[] w = Gradients.head(wrt, n);
        double[] out = Gradients.concat(first.vectorJacobianProduct(x, point[n], w), x, w, "first-order backward");
        return new Evaluation(out, new int[] {out.length}, first.evaluate(x, w).branches());
    }

    /** The double backward's own statement ({@link DoubleBackward#roundingScale}), NaN by default. */
    @Override
    public double roundingScale(double[][] point, double[] upstream, boolean[] wrt) {
        int n = point.length - 1;
        double[][] x = Gradients.head(point, n);
        boolean[] w = Gradients.head(wrt, n);
        return second.roundingScale(x, point[n], Gradients.split(upstream, x, w));
    }

    @Override
    public double[][] vectorJacobianProduct(double[][] point, double[] upstream, boolean[] wrt) {
        int n = point.length - 1;
        double[][] x = Gradients.head(point, n);
        boolean[] w = Gradients.head(wrt, n);
        return second.backward(x, point[n], Gradients.split(upstream, x, w));
    }
}
