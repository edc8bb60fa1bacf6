package dev.gradproof.properties.generators;

import dev.gradproof.autograd.Shape;
import dev.gradproof.autograd.Tensor;
import dev.gradproof.properties.graph.GraphSpec;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.providers.ArbitraryProvider;
import net.jqwik.api.providers.TypeUsage;

import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Registers gradproof's generators as jqwik defaults (through
 * {@code META-INF/services/net.jqwik.api.providers.ArbitraryProvider}), so that
 * {@code @ForAll Tensor t} works in any property once {@code properties} is on the classpath.
 */
public final class GradproofArbitraryProvider implements ArbitraryProvider {

    private static final Map<Class<?>, Supplier<Arbitrary<?>>> DEFAULTS = Map.of(
            Shape.class, GradArbitraries::shapes,
            Tensor.class, GradArbitraries::tensors,
            BroadcastShapes.class, GradArbitraries::broadcastPairs,
            MatMulChain.class, GradArbitraries::matmulChains,
            GraphSpec.class, GradArbitraries::graphs,
            ForkedGraph.class, GradArbitraries::forkedGraphs,
            NetworkSpec.class, GradArbitraries::networks);

    @Override
    public boolean canProvideFor(TypeUsage targetType) {
        return DEFAULTS.keySet().stream().anyMatch(targetType::isOfType);
    }

    @Override
    public Set<Arbitrary<?>> provideFor(TypeUsage targetType, SubtypeProvider subtypeProvider) {
        return DEFAULTS.entrySet().stream()
                .filter(e -> targetType.isOfType(e.getKey()))
                .map(e -> e.getValue().get())
                .collect(java.util.stream.Collectors.toSet());
    }
}
