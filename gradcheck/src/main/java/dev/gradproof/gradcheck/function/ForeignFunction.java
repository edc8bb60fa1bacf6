package dev.gradproof.gradcheck.function;

import dev.gradproof.gradcheck.model.Precision;

/**
 * Foreign code under check, written as lambdas over {@code double[]} arrays: nothing from
 * autograd-core is needed. A scalar function gives its gradient directly; a function with a vector
 * output gives a vector-Jacobian product.
 *
 * <pre>{@code
 * // the notes' sigmoid neuron f(w, x) = sigma(w0 x0 + w1 x1 + w2), with its "flat" backward
 * ForeignFunction neuron = ForeignFunction.scalar(
 *     in -> sigmoid(in[0][0] * in[1][0] + in[0][1] * in[1][1] + in[0][2]),
 *     in -> { ... return new double[][] {gradW, gradX}; });
 * }</pre>
 *
 * <p>Instances are immutable; {@link #precision(Precision)} and {@link #outputShape(int...)}
 * return modified copies.
 */
public final class ForeignFunction implements CheckedFunction {

    private final ScalarValue scalarValue;
    private final Gradient gradient;
    private final VectorValue vectorValue;
    private final VectorJacobianProduct vjp;
    private final int[] outputShape;
    private final Precision precision;

    private ForeignFunction(ScalarValue scalarValue, Gradient gradient, VectorValue vectorValue,
                            VectorJacobianProduct vjp, int[] outputShape, Precision precision) {
        this.scalarValue = scalarValue;
        this.gradient = gradient;
        this.vectorValue = vectorValue;
        this.vjp = vjp;
        this.outputShape = outputShape;
        this.precision = precision;
    }

    /** A scalar function and its gradient, one array per input. */
    public static ForeignFunction scalar(ScalarValue value, Gradient gradient) {
        if (value == null || gradient == null) {
            throw new IllegalArgumentException("foreign function: value and gradient are required");
        }
        return new ForeignFunction(value, gradient, null, null, new int[0], Precision.FLOAT64);
    }

    /**
     * A function with a vector output and its backward pass. The output shape is taken as
     * {@code [n]} from the first evaluation unless {@link #outputShape(int...)} declares it.
     */
    public static ForeignFunction vector(VectorValue value, VectorJacobianProduct backward) {
        if (value == null || backward == null) {
            throw new IllegalArgumentException("foreign function: value and backward are required");
        }
        return new ForeignFunction(null, null, value, backward, null, Precision.FLOAT64);
    }

    /** This function declaring the precision it computes in (float32 code: {@link Precision#FLOAT32}). */
    public ForeignFunction precision(Precision newPrecision) {
        return new ForeignFunction(scalarValue, gradient, vectorValue, vjp, outputShape, newPrecision);
    }

    /** This function declaring the shape of its output, for messages. */
    public ForeignFunction outputShape(int... shape) {
        if (scalarValue != null && shape.length != 0) {
            throw new IllegalArgumentException("foreign function: a scalar function has output shape [], not "
                    + java.util.Arrays.toString(shape));
        }
        return new ForeignFunction(scalarValue, gradient, vectorValue, vjp, shape.clone(), precision);
    }

    @Override
    public Precision precision() {
        return precision;
    }

    @Override
    public Evaluation evaluate(double[][] point, boolean[] wrt) {
        if (scalarValue != null) {
            return new Evaluation(new double[] {scalarValue.value(point)}, new int[0], null);
        }
        double[] out = vectorValue.value(point);
        if (out == null) {
            throw new IllegalStateException("foreign function: value returned null");
        }
        return new Evaluation(out, outputShape != null ? outputShape.clone() : new int[] {out.length}, null);
    }

    @Override
    public double[][] vectorJacobianProduct(double[][] point, double[] upstream, boolean[] wrt) {
        if (vjp != null) {
            return vjp.backward(point, upstream);
        }
        double[][] g = gradient.gradient(point);
        if (g == null) {
            return null;
        }
        double u = upstream[0];
        double[][] scaled = new double[g.length][];
        for (int i = 0; i < g.length; i++) {
            if (g[i] != null) {
                scaled[i] = new double[g[i].length];
                for (int k = 0; k < g[i].length; k++) {
                    scaled[i][k] = u * g[i][k];
                }
            }
        }
        return scaled;
    }
}
