package dev.gradproof.autograd.nn;

import dev.gradproof.autograd.Variable;

/**
 * The activation functions of the notes, applied after a layer's affine map. {@link #MAXOUT} is
 * the exception: it replaces the activation with the maximum of two affine maps, so a Maxout layer
 * has twice the parameters.
 */
public enum Activation {
    /** No activation: the layer stays linear (used for output scores). */
    IDENTITY,
    /** {@code 1 / (1 + e^-x)}. */
    SIGMOID,
    /** {@code tanh(x)}. */
    TANH,
    /** {@code max(0, x)}. */
    RELU,
    /** {@code max(0.01 x, x)}. */
    LEAKY_RELU,
    /** {@code x} for {@code x >= 0}, {@code e^x - 1} below. */
    ELU,
    /** {@code x Phi(x)}. */
    GELU,
    /** {@code x sigma(x)}. */
    SILU,
    /** {@code max(x W1 + b1, x W2 + b2)}. */
    MAXOUT;

    /**
     * Applies this activation elementwise.
     *
     * @throws UnsupportedOperationException for {@link #MAXOUT}, which is not elementwise
     */
    public Variable apply(Variable x) {
        return switch (this) {
            case IDENTITY -> x;
            case SIGMOID -> x.sigmoid();
            case TANH -> x.tanh();
            case RELU -> x.relu();
            case LEAKY_RELU -> x.leakyRelu();
            case ELU -> x.elu();
            case GELU -> x.gelu();
            case SILU -> x.silu();
            case MAXOUT -> throw new UnsupportedOperationException(
                    "maxout is not elementwise: it is a layer of two affine maps");
        };
    }
}
