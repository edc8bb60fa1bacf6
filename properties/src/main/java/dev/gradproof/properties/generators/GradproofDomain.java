package dev.gradproof.properties.generators;

import dev.gradproof.autograd.Shape;
import dev.gradproof.autograd.Tensor;
import dev.gradproof.properties.graph.GraphSpec;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Provide;
import net.jqwik.api.domains.DomainContextBase;

/**
 * gradproof's generators as a jqwik domain: {@code @Domain(GradproofDomain.class)} on a property
 * or container makes {@code @ForAll} resolve shapes, tensors, graphs and networks from here only
 * (add {@code @Domain(DomainContext.Global.class)} for jqwik's own types as well). The annotations
 * {@link Rank}, {@link ValueRange} and {@link AwayFromKinks} configure them.
 */
public class GradproofDomain extends DomainContextBase {

    @Provide
    Arbitrary<Shape> shapes() {
        return GradArbitraries.shapes();
    }

    @Provide
    Arbitrary<Tensor> tensors() {
        return GradArbitraries.tensors();
    }

    @Provide
    Arbitrary<BroadcastShapes> broadcastPairs() {
        return GradArbitraries.broadcastPairs();
    }

    @Provide
    Arbitrary<MatMulChain> matmulChains() {
        return GradArbitraries.matmulChains();
    }

    @Provide
    Arbitrary<GraphSpec> graphs() {
        return GradArbitraries.graphs();
    }

    @Provide
    Arbitrary<ForkedGraph> forkedGraphs() {
        return GradArbitraries.forkedGraphs();
    }

    @Provide
    Arbitrary<NetworkSpec> networks() {
        return GradArbitraries.networks();
    }

    /** The annotations of this package, applied to the arbitraries above. */
    public class Configurator extends GradproofConfigurator {
    }
}
