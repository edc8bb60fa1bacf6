package dev.gradproof.gradcheck.function;

/** The value of a scalar function of plain arrays, such as a loss: {@code (inputs) -> L}. */
@FunctionalInterface
public interface ScalarValue {
    /** The value at {@code inputs} (one row-major array per input; do not modify them). */
    double value(double[][] inputs);
}
