package dev.gradproof.gradcheck.model;

/**
 * The verdict of a whole check, beside the per-element {@link Verdict}s it was built from.
 *
 * <p>A check {@link #PASSED} only with evidence: enough elements were compared, the function's
 * values were reproducible, and an error of the size that matters would have been caught. When the
 * comparison ran but cannot support a PASS, the check is {@link #INCONCLUSIVE}, with the reasons in
 * {@link GradCheckResult#reasons()}. Only PASSED counts as passing: {@link GradCheckResult#passed()}
 * is false on the other two. Declared from the least to the most severe, so that their natural order
 * ranks checks.
 */
public enum CheckVerdict {
    /** Every compared element passed (or is a confirmed kink), with enough evidence. */
    PASSED,
    /** Nothing failed, but the evidence does not support a PASS; the reasons say why. */
    INCONCLUSIVE,
    /** An element failed, or a sanity check failed. */
    FAILED
}
