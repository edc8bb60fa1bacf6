package dev.gradproof.gradcheck.catalogue;

import dev.gradproof.gradcheck.GradCheck;
import dev.gradproof.gradcheck.function.CheckedFunction;
import dev.gradproof.gradcheck.function.Input;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One sample of an op: a ready-to-run check at one point.
 *
 * <p>{@link #label()}, {@link #tricky()}, {@link #gradCheck()} and {@link #gradGradCheck()} are the
 * contract; {@link #inputs()}, {@link #dataInputs()}, {@link #function()} and {@link #oracle()} are
 * additions for independent checks of the same point (Commons Math oracles, other stencils), and
 * {@link #call()} describes the computation to any engine.
 */
public interface OpSample {

    /** What the sample is, e.g. {@code "relu [3, 3] at and near the kink"}; unique in the catalogue. */
    String label();

    /** True for the spec's correct-but-tricky sample: a kink hit exactly, a tie, an extreme logit. */
    boolean tricky();

    /**
     * A fresh first-order check with the inputs, {@code op(name)}, the label, the seed and the spec's
     * tolerance overrides set; the caller may change the mode, seed, eps and other options.
     */
    GradCheck gradCheck();

    /** A fresh second-order check (gradgradcheck) set up the same way, when second order applies. */
    Optional<GradCheck> gradGradCheck();

    /** The inputs at the sample's point, in order, data included. */
    List<Input> inputs();

    /** The names of the inputs that are data (excluded from the checks), such as a network's {@code x}. */
    Set<String> dataInputs();

    /** The function of the sample in gradcheck's array model (the same one {@link #gradCheck()} checks). */
    CheckedFunction function();

    /**
     * The sample's computation described for any engine (the kit's op name, its parameters and the
     * inputs it takes), when the contract kit's vocabulary has the op; empty for the nn modules and
     * the ops only autograd-core has ({@code permute}, {@code sumToShape}).
     */
    default Optional<SampleCall> call() {
        return Optional.empty();
    }

    /** For an elementwise op, the op with its independent forward-mode oracle; else empty. */
    Optional<ElementwiseOracle> oracle();
}
