package dev.gradproof.autograd.nn;

import dev.gradproof.autograd.Tensor;

import java.util.Random;

/** How a layer's initial weights are drawn. */
public enum WeightInit {

    /** Standard normal, {@code randn(in, out)}, as in the notes' 20-line network. */
    STANDARD_NORMAL,

    /** Standard normal scaled by {@code 1/sqrt(in)}, which keeps activations of order 1 at the start. */
    SCALED_NORMAL;

    /** An {@code [in, out]} weight matrix drawn from {@code random}. */
    public Tensor sample(Random random, int in, int out) {
        Tensor w = Tensor.randn(random, in, out);
        return this == STANDARD_NORMAL || in == 0 ? w : w.times(1.0 / Math.sqrt(in));
    }
}
