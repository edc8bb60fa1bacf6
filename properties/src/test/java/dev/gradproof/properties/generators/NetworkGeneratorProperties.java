package dev.gradproof.properties.generators;

import dev.gradproof.autograd.Shape;
import dev.gradproof.autograd.Variable;
import dev.gradproof.properties.core.AutogradCoreAdapter;
import dev.gradproof.properties.engine.Ops;
import dev.gradproof.properties.graph.Evaluation;
import dev.gradproof.properties.graph.GraphSpec;
import dev.gradproof.properties.graph.LeafNode;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;

import static org.assertj.core.api.Assertions.assertThat;

/** The network generator: sizes, layers, activations and losses as the issue lists them. */
class NetworkGeneratorProperties {

    @Property(generation = GenerationMode.RANDOMIZED) // coverage is a share of random tries
    void networksHaveOneToFourLayersOfWidthOneToSixteen(@ForAll NetworkSpec network) {
        assertThat(network.depth()).isBetween(1, 4);
        assertThat(network.widths()).allSatisfy(w -> assertThat(w).isBetween(1, 16));
        assertThat(network.inputs()).isBetween(1, 16);
        assertThat(network.batch()).isBetween(1, 4);
        assertThat(network.activations()).hasSize(network.depth() - 1);
        assertThat(Ops.ACTIVATIONS).containsAll(network.activations());
        assertThat(Ops.LOSSES).contains(network.loss());
        assertThat(network.lambda()).isIn(0.0, 0.01, 0.1, 1.0);
        Statistics.label("widest layer").collect(network.widths().stream().mapToInt(Integer::intValue).max().orElseThrow() > 8);
        Statistics.label("widest layer").coverage(c -> c.check(true).percentage(p -> p >= 10));
    }

    @Property
    void eachLayerIsAMatmulPlusBiasOfMatchingShapes(@ForAll NetworkSpec network) {
        GraphSpec graph = network.graph();
        int fanIn = network.inputs();
        for (int l = 1; l <= network.depth(); l++) {
            int width = network.widths().get(l - 1);
            assertThat(leaf(graph, "w" + l).shape()).isEqualTo(Shape.of(fanIn, width));
            assertThat(leaf(graph, "b" + l).shape()).isEqualTo(Shape.of(width));
            fanIn = width;
        }
        LeafNode x = leaf(graph, "x");
        assertThat(x.requiresGrad()).as("the data is a constant").isFalse();
        assertThat(x.shape()).isEqualTo(Shape.of(network.batch(), network.inputs()));
        assertThat(graph.opNames()).contains(Ops.MATMUL, network.loss());
        assertThat(graph.opNames().contains(Ops.L2)).isEqualTo(network.lambda() > 0);
        assertThat(network.toString()).contains(network.loss()).contains("w1[" + network.inputs() + ",");
    }

    @Property
    void networksHaveAFiniteLossAndGradientsOfTheirWeightsShapes(@ForAll NetworkSpec network) {
        Evaluation<Variable> run = network.graph().evaluate(new AutogradCoreAdapter()).backward();
        assertThat(run.outputValue().get(0)).isFinite();
        for (int leaf : network.graph().gradLeafIndices()) {
            assertThat(run.grad(leaf).shape()).isEqualTo(network.graph().leaf(leaf).shape().dims());
        }
    }

    private static LeafNode leaf(GraphSpec graph, String name) {
        return graph.leafIndices().stream().map(graph::leaf).filter(l -> l.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no leaf " + name + " in " + graph));
    }
}
