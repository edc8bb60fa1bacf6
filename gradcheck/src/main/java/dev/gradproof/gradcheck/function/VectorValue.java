package dev.gradproof.gradcheck.function;

/** The value of a function with a vector (or matrix, ...) output, flattened row-major. */
@FunctionalInterface
public interface VectorValue {
    /** The output at {@code inputs}, row-major. */
    double[] value(double[][] inputs);
}
