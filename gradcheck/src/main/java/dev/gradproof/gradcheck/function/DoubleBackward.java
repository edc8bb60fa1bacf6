package dev.gradproof.gradcheck.function;

/**
 * The backward pass of a backward pass, for second-order checks of foreign code: the derivatives of
 * {@code sum_i <gradientUpstreams[i], backward(inputs, upstream)[i]>} with respect to every input
 * and to the upstream.
 */
@FunctionalInterface
public interface DoubleBackward {
    /**
     * @param inputs            the inputs
     * @param upstream          the upstream of the first backward pass
     * @param gradientUpstreams one per input, of the input's size: the upstream of each gradient
     *                          (null for inputs that are not differentiated)
     * @return one array per input, then one for the upstream (so {@code inputs.length + 1} arrays)
     */
    double[][] backward(double[][] inputs, double[] upstream, double[][] gradientUpstreams);
}
