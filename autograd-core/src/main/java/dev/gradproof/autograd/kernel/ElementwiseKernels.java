package dev.gradproof.autograd.kernel;

/**
 * Elementwise loops over arrays of one shape: the arithmetic that forward and backward passes run
 * most (sums of gradients, products with an upstream, scaling), as plain loops the JIT unrolls and
 * vectorises instead of a call through a {@code DoubleBinaryOperator} per element, and fused
 * backward steps that make one pass where the op-by-op form would make several and allocate
 * temporaries. The broadcasting forms stay in {@link BroadcastKernels}.
 */
public final class ElementwiseKernels {

    private ElementwiseKernels() {
    }

    /** {@code out[i] = a[i] + b[i]}. */
    public static void add(double[] a, double[] b, double[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = a[i] + b[i];
        }
    }

    /** {@code out[i] = a[i] - b[i]}. */
    public static void subtract(double[] a, double[] b, double[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = a[i] - b[i];
        }
    }

    /** {@code out[i] = a[i] * b[i]}. */
    public static void multiply(double[] a, double[] b, double[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = a[i] * b[i];
        }
    }

    /** {@code out[i] = a[i] * factor}. */
    public static void scale(double[] a, double factor, double[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = a[i] * factor;
        }
    }

    /** {@code out[i] = a[i] - b[i] * factor}: the product rounded, then the difference, as in two passes. */
    public static void subtractScaled(double[] a, double[] b, double factor, double[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = a[i] - b[i] * factor;
        }
    }

    /**
     * The sigmoid's backward, {@code out[i] = upstream[i] * ((1 - y[i]) * y[i])} from the forward
     * output {@code y}: the notes' {@code grad_h * h * (1 - h)}, multiplied in the same order as the
     * unfused ops ({@code upstream.mul(oneMinus.mul(y))}), so both give the same bits.
     */
    public static void sigmoidBackward(double[] upstream, double[] y, double[] out) {
        for (int i = 0; i < out.length; i++) {
            double yi = y[i];
            out[i] = upstream[i] * ((1.0 - yi) * yi);
        }
    }

    /**
     * The tanh's backward, {@code out[i] = upstream[i] * (1 - y[i] * y[i])} from the forward output
     * {@code y}: the same bits as the unfused ops ({@code upstream.mul(y.square().neg().add(1.0))}),
     * since {@code 1 + (-s)} and {@code 1 - s} round alike.
     */
    public static void tanhBackward(double[] upstream, double[] y, double[] out) {
        for (int i = 0; i < out.length; i++) {
            double yi = y[i];
            out[i] = upstream[i] * (1.0 - yi * yi);
        }
    }
}
