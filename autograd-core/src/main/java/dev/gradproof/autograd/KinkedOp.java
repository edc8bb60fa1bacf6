package dev.gradproof.autograd;

/**
 * An op with points where it is not differentiable (ReLU at 0, max at a tie, ...).
 *
 * <p>Such an op records, per element of its output, which branch of its piecewise definition the
 * forward pass took. A checker that evaluates a function at {@code x + h} and {@code x - h} and
 * finds a different branch record knows the perturbation crossed a kink, so a disagreement
 * between the analytic and the numerical derivative there is expected and not a bug.
 *
 * <p>Each op documents the meaning of its branch codes and the subgradient it uses at the kink
 * itself in {@link #branchLegend()}.
 */
public interface KinkedOp {

    /** The op's name, as in {@link Op#name()}. */
    String name();

    /** Where the op sits: its name prefixed by the composites it was built in, e.g. {@code svmHinge/relu}. */
    String describe();

    /** Per output element (row-major), the branch code taken in the forward pass; a copy. */
    int[] branches();

    /** What the branch codes mean and which subgradient is used at the kink. */
    String branchLegend();

    /**
     * False when the branches meet with equal slopes (ELU with alpha = 1), so that crossing from
     * one to another is no kink and a checker should judge the element as smooth.
     */
    default boolean hasKink() {
        return true;
    }
}
