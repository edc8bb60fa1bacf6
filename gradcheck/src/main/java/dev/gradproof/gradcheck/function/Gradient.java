package dev.gradproof.gradcheck.function;

/**
 * The hand-written gradient of a scalar function: {@code (inputs) -> {dL/dinput0, dL/dinput1, ...}}.
 */
@FunctionalInterface
public interface Gradient {
    /** One row-major gradient per input, each of its input's size. */
    double[][] gradient(double[][] inputs);
}
