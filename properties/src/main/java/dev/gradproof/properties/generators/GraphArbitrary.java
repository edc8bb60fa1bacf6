package dev.gradproof.properties.generators;

import dev.gradproof.properties.engine.Capabilities;
import dev.gradproof.properties.engine.Ops;
import dev.gradproof.properties.graph.GraphSpec;
import dev.gradproof.properties.graph.OpDeclarations;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.arbitraries.ArbitraryDecorator;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Random computational graphs: DAGs whose nodes are reused (forks), built from the op library (by
 * default every op of {@link Ops}, activations and losses included), with broadcasting,
 * reductions and matrix products, ending in a scalar: the sum of the graph's results.
 *
 * <p>Generated from a shrinkable recipe ({@code Combinators.combine} of a base shape, leaf masks,
 * a pool of values in {@code [-2, 2]} and a list of steps; no flatMap), interpreted by a builder
 * that makes every recipe a valid graph. A failing graph therefore shrinks to few steps over few,
 * small leaves with simple values, such as {@code sum(x0[] + x0[])}.
 */
public final class GraphArbitrary extends ArbitraryDecorator<GraphSpec> {

    /** Ops whose derivatives of every order are continuous on the generated domains (from their declarations). */
    public static final Set<String> SMOOTH_OPS = OpDeclarations.smooth();

    private List<String> ops = Ops.ALL;
    private static final int MAX_LEAVES = 3;

    private int maxSteps = 10;
    private Capabilities capabilities = Capabilities.numpyStyle();
    private boolean scalarOutput = true;

    GraphArbitrary() {
    }

    /**
     * Graphs made only of these ops (in the order of {@link Ops#ALL}; unknown names are an error).
     *
     * @throws IllegalArgumentException naming an unknown op, or when {@link Ops#REQUIRED} is missing
     */
    public GraphArbitrary ops(Collection<String> allowed) {
        for (String op : allowed) {
            if (!Ops.ALL.contains(op)) {
                throw new IllegalArgumentException("ops: unknown op \"" + op + "\"; known: " + Ops.ALL);
            }
        }
        if (!allowed.containsAll(Ops.REQUIRED)) {
            throw new IllegalArgumentException("ops: " + allowed + " lacks the required " + Ops.REQUIRED);
        }
        GraphArbitrary clone = typedClone();
        clone.ops = Ops.ALL.stream().filter(allowed::contains).toList();
        return clone;
    }

    /**
     * Graphs within what an engine declares: tensors of at most its rank, binary ops only between
     * shapes its broadcasting takes, op parameters from its domains in its parameter precision.
     */
    public GraphArbitrary capabilities(Capabilities declared) {
        GraphArbitrary clone = typedClone();
        clone.capabilities = declared;
        return clone;
    }

    /** Only the ops of {@link #SMOOTH_OPS} that are already allowed: no kinks, for second derivatives. */
    public GraphArbitrary smoothOnly() {
        GraphArbitrary clone = typedClone();
        clone.ops = ops.stream().filter(SMOOTH_OPS::contains).toList();
        return clone;
    }

    /** At most this many steps (ops chosen by the generator; guards add a few more nodes). */
    public GraphArbitrary maxSteps(int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("maxSteps: need at least 1, got " + steps);
        }
        GraphArbitrary clone = typedClone();
        clone.maxSteps = steps;
        return clone;
    }

    /** Graphs whose output is the last op's tensor, not reduced to a scalar (for vector-Jacobian products). */
    public GraphArbitrary tensorOutput() {
        GraphArbitrary clone = typedClone();
        clone.scalarOutput = false;
        return clone;
    }

    /** The ops graphs are made of, in catalogue order. */
    public List<String> allowedOps() {
        return ops;
    }

    /** Sets of {@code min..max} branches over shared leaves, with the graph of their sum. */
    public Arbitrary<ForkedGraph> forked(int minBranches, int maxBranches) {
        List<String> allowed = ops;
        Capabilities declared = capabilities;
        return Combinators.combine(baseDims(), leafMasks(), pool(), steps().list().ofMinSize(minBranches)
                        .ofMaxSize(maxBranches).withoutEdgeCases())
                .as((dims, masks, pool, bodies) -> RandomGraphBuilder.buildForked(allowed, declared,
                        new GraphRecipe(dims, masks, pool, bodies)));
    }

    @Override
    protected Arbitrary<GraphSpec> arbitrary() {
        List<String> allowed = ops;
        boolean scalar = scalarOutput;
        Capabilities declared = capabilities;
        return Combinators.combine(baseDims(), leafMasks(), pool(), steps())
                .as((dims, masks, pool, steps) -> RandomGraphBuilder.build(allowed, declared,
                        new GraphRecipe(dims, masks, pool, List.of(steps)), scalar));
    }

    private Arbitrary<List<Integer>> baseDims() {
        return Arbitraries.integers().between(1, 4).shrinkTowards(1).list().ofMaxSize(Math.min(3, capabilities.maxRank()));
    }

    private static Arbitrary<List<Integer>> leafMasks() {
        return Arbitraries.integers().between(0, Shapes.MASKS).list().ofMinSize(1).ofMaxSize(MAX_LEAVES);
    }

    private static Arbitrary<List<Double>> pool() {
        return Arbitraries.doubles().between(-2, 2).ofScale(2).list().ofMinSize(1).ofMaxSize(12);
    }

    private Arbitrary<List<Step>> steps() {
        // no edge cases: they would be one-step graphs of the first op, crowding out random ones
        return Combinators.combine(choice(1000), choice(100), choice(100), choice(100)).as(Step::new)
                .list().ofMinSize(1).ofMaxSize(maxSteps).withoutEdgeCases();
    }

    private static Arbitrary<Integer> choice(int bound) {
        return Arbitraries.integers().between(0, bound - 1);
    }
}
