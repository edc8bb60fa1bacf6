package dev.gradproof.gradcheck.function;

/**
 * A hand-written backward pass: given the inputs and the upstream gradient {@code dL/dy} of the
 * output, the gradients {@code dL/dinput} of every input.
 */
@FunctionalInterface
public interface VectorJacobianProduct {
    /** One row-major gradient per input, each of its input's size. */
    double[][] backward(double[][] inputs, double[] upstream);
}
