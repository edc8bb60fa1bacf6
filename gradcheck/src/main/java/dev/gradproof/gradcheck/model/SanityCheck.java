package dev.gradproof.gradcheck.model;

/** The checks made besides the comparison of derivatives; any finding fails the result. */
public enum SanityCheck {
    /** The forward value is finite at the point checked. */
    FINITE_VALUE,
    /** The analytic gradient is finite. */
    FINITE_ANALYTIC,
    /** The numerical gradient is finite. */
    FINITE_NUMERICAL,
    /** Backward run twice with the same upstream gives the same gradients. */
    BACKWARD_DETERMINISTIC,
    /** Neither forward nor backward changes its inputs (or the upstream). */
    INPUTS_NOT_MUTATED,
    /** There is one gradient per input, non-null, with the input's shape. */
    GRADIENT_SHAPE,
    /** The output's shape does not change when an input is perturbed. */
    OUTPUT_SHAPE_STABLE,
    /** A zero upstream gives zero gradients (backward is linear in the upstream). */
    ZERO_UPSTREAM,
    /** Doubling the upstream doubles the gradients: the backward pass uses the upstream it is given. */
    UPSTREAM_LINEAR,
    /** The forward pass gives the same value at the same point (within the declared tolerance). */
    FORWARD_DETERMINISTIC,
    /** The function (forward or backward) completes: it neither throws nor crashes the thread. */
    FUNCTION_COMPLETES
}
