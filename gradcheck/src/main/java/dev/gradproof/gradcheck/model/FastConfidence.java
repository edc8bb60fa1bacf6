package dev.gradproof.gradcheck.model;

/**
 * What a {@link Mode#FAST} check can promise. Each direction {@code v} is uniform on the unit sphere
 * of the checked elements (and each projection {@code u} on the sphere of the outputs); an error
 * {@code E} in the analytic Jacobian goes unnoticed in one direction only if {@code |u^T E v|} falls
 * below that direction's tolerance. For an error of norm {@code e} (for a vector output: of spectral
 * norm {@code e} and rank one, such as a single wrong element, the hardest case), the probability
 * that all directions miss it is bounded in closed form from the distribution of {@code v_1^2}
 * (Beta(1/2, (d-1)/2), whose density is flat near 0) and, for {@code u^T E v}, with a union bound;
 * {@code minDetectableError} is the smallest {@code e} that bound says is caught with probability at
 * least {@code confidence} (never below the exact figure, at most 20% above it for {@code d, m >= 3}).
 *
 * @param directions                 how many random directions were compared
 * @param confidence                 the probability the statement holds with (0.99 by default)
 * @param dimension                  the number of checked input elements {@code d}
 * @param outputs                    the number of output elements
 * @param minDetectableError         the smallest error norm detected with that probability
 * @param gradientNorm               the norm of the analytic {@code u^T J} over the checked elements
 *                                   (averaged over directions), for scale
 * @param minDetectableRelativeError {@code minDetectableError / gradientNorm}
 * @param statement                  the claim in words
 */
public record FastConfidence(
        int directions,
        double confidence,
        int dimension,
        int outputs,
        double minDetectableError,
        double gradientNorm,
        double minDetectableRelativeError,
        String statement) {
}
