package dev.gradproof.properties.generators;

import net.jqwik.api.Arbitrary;

/**
 * The entry point to gradproof's jqwik generators, as {@code Arbitraries} is to jqwik's:
 * <pre>{@code
 * @Provide Arbitrary<GraphSpec> graphs() {
 *     return GradArbitraries.graphs().ops(Set.of("add", "mul", "tanh", "sum")).maxSteps(5);
 * }
 * }</pre>
 * With {@code properties} on the test classpath, {@code @ForAll Shape}, {@code @ForAll Tensor},
 * {@code @ForAll GraphSpec}, {@code @ForAll NetworkSpec}, {@code @ForAll BroadcastShapes},
 * {@code @ForAll MatMulChain} and {@code @ForAll ForkedGraph} work without a provider method
 * ({@link GradproofArbitraryProvider}); {@link GradproofDomain} offers the same as a domain.
 */
public final class GradArbitraries {

    private GradArbitraries() {
    }

    /** Shapes of rank 0 to 4 with dimensions 0 to 6, biased small. */
    public static ShapeArbitrary shapes() {
        return new ShapeArbitrary();
    }

    /** Tensors of such shapes with values in {@code [-3, 3]}. */
    public static TensorArbitrary tensors() {
        return new TensorArbitrary();
    }

    /** Pairs of shapes that broadcast together. */
    public static Arbitrary<BroadcastShapes> broadcastPairs() {
        return Shapes.broadcastGroups(shapes(), 2);
    }

    /** Triples of shapes that broadcast together. */
    public static Arbitrary<BroadcastShapes> broadcastTriples() {
        return Shapes.broadcastGroups(shapes(), 3);
    }

    /** Groups of {@code count} shapes that broadcast together, derived from shapes of {@code base}. */
    public static Arbitrary<BroadcastShapes> broadcastGroups(ShapeArbitrary base, int count) {
        return Shapes.broadcastGroups(base, count);
    }

    /** Groups of {@code count} shapes that broadcast together under {@code rule}, derived from shapes of {@code base}. */
    public static Arbitrary<BroadcastShapes> broadcastGroups(ShapeArbitrary base, int count,
                                                           dev.gradproof.properties.engine.Capabilities.Broadcasting rule) {
        return Shapes.broadcastGroups(base, count, rule);
    }

    /** Chains of 1 to 4 matrices that can be multiplied in order. */
    public static Arbitrary<MatMulChain> matmulChains() {
        return Shapes.matmulChains();
    }

    /** Random computational graphs ending in a scalar. */
    public static GraphArbitrary graphs() {
        return new GraphArbitrary();
    }

    /** Two to four random graphs over shared leaves, and their sum. */
    public static Arbitrary<ForkedGraph> forkedGraphs() {
        return graphs().forked(2, 4);
    }

    /** Random fully connected networks with a loss. */
    public static NetworkArbitrary networks() {
        return new NetworkArbitrary();
    }
}
