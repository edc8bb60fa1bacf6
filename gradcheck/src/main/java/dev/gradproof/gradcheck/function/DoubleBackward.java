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

    /**
     * The rounding scale of the first backward pass as a function, for the component
     * {@code sum_i <gradientUpstreams[i], backward(inputs, upstream)[i]>}, in units of machine epsilon
     * (see {@link CheckedFunction#roundingScale}); NaN when it cannot tell (the default), and the
     * checker then uses the magnitude of the gradients.
     */
    default double roundingScale(double[][] inputs, double[] upstream, double[][] gradientUpstreams) {
        return Double.NaN;
    }
}
