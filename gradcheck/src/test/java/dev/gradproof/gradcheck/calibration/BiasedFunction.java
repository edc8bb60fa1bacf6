package dev.gradproof.gradcheck.calibration;

import dev.gradproof.gradcheck.function.CheckedFunction;
import dev.gradproof.gradcheck.function.Evaluation;
import dev.gradproof.gradcheck.model.Precision;

/** A correct function whose analytic gradient is made wrong by a relative bias {@code (1 + bias)}. */
public final class BiasedFunction implements CheckedFunction {

    private final CheckedFunction inner;
    private final double bias;

    public BiasedFunction(CheckedFunction inner, double bias) {
        this.inner = inner;
        this.bias = bias;
    }

    @Override
    public Evaluation evaluate(double[][] point, boolean[] wrt) {
        return inner.evaluate(point, wrt);
    }

    @Override
    public double[][] vectorJacobianProduct(double[][] point, double[] upstream, boolean[] wrt) {
        double[][] g = inner.vectorJacobianProduct(point, upstream, wrt);
        for (double[] gi : g) {
            if (gi != null) {
                for (int k = 0; k < gi.length; k++) {
                    gi[k] *= 1 + bias;
                }
            }
        }
        return g;
    }

    @Override
    public Precision precision() {
        return inner.precision();
    }
}
