package dev.gradproof.autograd;

/** How a loss reduces its per-example (or per-element) terms to one number, as torch's {@code reduction}. */
public enum Reduction {
    /** The average of the terms. */
    MEAN,
    /** The sum of the terms. */
    SUM
}
