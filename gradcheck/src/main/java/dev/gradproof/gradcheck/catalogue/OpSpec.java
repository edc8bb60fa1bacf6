package dev.gradproof.gradcheck.catalogue;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One op of the catalogue: how to sample valid inputs for it, its domain, its kinks, whether second
 * order applies, and the tolerance overrides its checks need (each with its reason; none is the rule).
 *
 * <p>The first six methods are the contract the reports and the CLI rely on; {@link #covers()},
 * {@link #toleranceOverrides()} and {@link #kinkOps()} are additions. Another engine can implement
 * this interface for its own ops and run the same kind of suite.
 */
public interface OpSpec {

    /** The {@link #arity()} of an op that takes any number of tensors ({@code Losses.l2}). */
    int VARIADIC = -1;

    /** The op's name, unique in the catalogue: {@code "relu"}, {@code "addConstant"} (the contract kit's name of the op, one name per op), {@code "nn.Network"}. */
    String name();

    /** How many tensor arguments the op takes ({@link #VARIADIC} for any number); labels are not tensors. */
    int arity();

    /** Where the op is checked, human-readable: {@code "x > 0"}, {@code "all reals"}. */
    String domain();

    /**
     * Where the op is not differentiable, each a {@link Kink} (the op as gradcheck names it, and
     * where), e.g. {@code relu: x = 0}, {@code svmHinge/relu: a margin s_j - s_y + 1 = 0}; empty for
     * smooth ops.
     */
    List<Kink> kinks();

    /** Whether the op's backward pass is itself differentiable, so that gradgradcheck applies. */
    boolean secondOrder();

    /**
     * The samples for a seed: ready-to-run checks covering scalars, vectors, matrices, rank 3 where
     * the op allows it, broadcasting pairs, zero-size dimensions, large and tiny magnitudes and the
     * points at and near the kinks, and exactly one correct-but-tricky sample. Deterministic for a seed.
     */
    List<OpSample> samples(long seed);

    /**
     * The members of autograd-core this spec checks, named as {@link CoreApi#members()} names them:
     * {@code "Variable.add(Variable)"}, {@code "Losses.l2(double, Variable[])"}, {@code "nn.Linear"}.
     */
    List<String> covers();

    /** Overrides of gradcheck's tolerances for every check of this spec, each with its reason; none by default. */
    default List<ToleranceOverride> toleranceOverrides() {
        return List.of();
    }

    /** The ops of {@link #kinks()}: the only kinks a check may report. */
    default Set<String> kinkOps() {
        Set<String> ops = new LinkedHashSet<>();
        for (Kink kink : kinks()) {
            ops.add(kink.op());
        }
        return ops;
    }
}
