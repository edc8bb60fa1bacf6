package dev.gradproof.autograd.kernel;

/**
 * Fused elementwise backward steps: one pass over the arrays where the op-by-op form would make
 * several passes and temporaries.
 */
public final class ElementwiseKernels {

    private ElementwiseKernels() {
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
}
