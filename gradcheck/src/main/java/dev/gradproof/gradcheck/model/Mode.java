package dev.gradproof.gradcheck.model;

/**
 * How much of the Jacobian a check compares.
 *
 * <ul>
 *   <li>{@link #FULL}: every element of every checked input, by central differences. A vector output
 *       is compared through its whole Jacobian when it has few elements, otherwise through several
 *       random output projections {@code u^T J}; a Jacobian larger than that is never built.</li>
 *   <li>{@link #SAMPLED}: {@code k} elements per input chosen from the seed, always including the
 *       element with the largest analytic gradient and the elements nearest a kink.</li>
 *   <li>{@link #FAST}: several random unit directions {@code v} (and output projections {@code u}):
 *       the numerical directional derivative {@code u^T (f(x + hv) - f(x - hv)) / 2h} against
 *       {@code u^T J v} from one backward pass each, with the detection confidence stated in the
 *       result.</li>
 * </ul>
 */
public enum Mode {
    /** Every element of every checked input. */
    FULL,
    /** A seeded sample of elements per input. */
    SAMPLED,
    /** Random directional derivatives {@code u^T J v}. */
    FAST
}
