package dev.gradproof.properties.generators;

import dev.gradproof.autograd.Shape;
import dev.gradproof.autograd.Variable;
import dev.gradproof.properties.core.AutogradCoreAdapter;
import dev.gradproof.properties.engine.DenseArray;
import dev.gradproof.properties.engine.Ops;
import dev.gradproof.properties.graph.Evaluation;
import dev.gradproof.properties.graph.GraphSpec;
import dev.gradproof.properties.graph.LeafNode;
import dev.gradproof.properties.graph.Node;
import dev.gradproof.properties.graph.OpNode;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The random-graph generator: DAGs in topological order ending in a scalar, with forks,
 * broadcasting and reductions, domains respected and values bounded by construction (checked on
 * the values autograd-core computes, not on the builder's own bounds), deterministic per seed.
 */
class GraphGeneratorProperties {

    private static final AutogradCoreAdapter CORE = new AutogradCoreAdapter();

    @Property
    void graphsAreDagsInTopologicalOrderEndingInAScalar(@ForAll GraphSpec graph) {
        assertThat(graph.outputShape()).isEqualTo(Shape.SCALAR);
        assertThat(graph.opCount()).isPositive();
        for (int i = 0; i < graph.size(); i++) {
            if (graph.node(i) instanceof OpNode op) {
                int index = i;
                assertThat(op.inputs()).allSatisfy(input -> assertThat(input).isBetween(0, index - 1));
            }
        }
        List<String> names = graph.leafIndices().stream().map(i -> graph.leaf(i).name()).toList();
        assertThat(names).doesNotHaveDuplicates();
    }

    @Property(generation = GenerationMode.RANDOMIZED) // coverage is a share of random tries
    void graphsHaveForksBroadcastingAndReductions(@ForAll GraphSpec graph) {
        boolean leafReused = graph.leafIndices().stream().anyMatch(leaf -> graph.consumers(leaf).size() > 1);
        boolean broadcast = false;
        boolean reduction = false;
        for (Node node : graph.nodes()) {
            if (node instanceof OpNode op) {
                broadcast |= op.inputs().size() == 2 && !graph.node(op.inputs().get(0)).shape()
                        .equals(graph.node(op.inputs().get(1)).shape());
                reduction |= List.of(Ops.SUM_AXIS, Ops.MEAN_AXIS, Ops.MEAN, Ops.MATMUL).contains(op.op())
                        || op.op().equals(Ops.SUM) && !graph.node(op.inputs().get(0)).shape().isScalar();
            }
        }
        Statistics.label("shared op node").collect(!graph.forks().isEmpty());
        Statistics.label("leaf used twice or more").collect(leafReused);
        Statistics.label("broadcasting").collect(broadcast);
        Statistics.label("reduction").collect(reduction);
        Statistics.label("shared op node").coverage(c -> c.check(true).percentage(p -> p >= 25));
        Statistics.label("leaf used twice or more").coverage(c -> c.check(true).percentage(p -> p >= 40));
        Statistics.label("broadcasting").coverage(c -> c.check(true).percentage(p -> p >= 20));
        Statistics.label("reduction").coverage(c -> c.check(true).percentage(p -> p >= 50));
    }

    /**
     * log, sqrt, 1/x, fractional and negative powers and denominators see inputs of at least the
     * margin, and every value is finite and moderate, as autograd-core computes them.
     */
    @Property
    void domainsAndMagnitudesAreRespectedByConstruction(@ForAll GraphSpec graph) {
        Evaluation<Variable> run = graph.evaluate(CORE);
        for (int i = 0; i < graph.size(); i++) {
            DenseArray value = run.value(i);
            for (double v : value.data()) {
                assertThat(v).as("value of node %d in %s", i, graph).isFinite();
                // the builder squashes inputs whose result could pass 100; final sums may add up to
                // a few such results
                assertThat(Math.abs(v)).as("value of node %d in %s", i, graph).isLessThan(1e5);
            }
            if (graph.node(i) instanceof OpNode op && positiveInput(op) >= 0) {
                DenseArray input = run.value(op.inputs().get(positiveInput(op)));
                for (double v : input.data()) {
                    // x^2 + c is computed with one rounding at most below its exact value
                    assertThat(v).as("input of %s in %s", op.op(), graph)
                            .isGreaterThanOrEqualTo(RandomGraphBuilder.POSITIVE_MARGIN * (1 - 1e-15));
                }
            }
        }
    }

    private static int positiveInput(OpNode op) {
        return switch (op.op()) {
            case Ops.LOG, Ops.SQRT, Ops.RECIPROCAL -> 0;
            case Ops.DIV -> 1;
            case Ops.POW -> op.call().scalar() == Math.rint(op.call().scalar()) && op.call().scalar() > 0 ? -1 : 0;
            default -> -1;
        };
    }

    @Property
    void oneSeedGeneratesOneGraph(@ForAll long seed) {
        Arbitrary<GraphSpec> graphs = GradArbitraries.graphs();
        GraphSpec first = graphs.generator(1000).next(new Random(seed)).value();
        GraphSpec second = graphs.generator(1000).next(new Random(seed)).value();
        assertThat(second).isEqualTo(first);
        assertThat(second.toString()).isEqualTo(first.toString());
    }

    @Property
    void forkedGraphsSumTheirBranchesOverSharedLeaves(@ForAll ForkedGraph forked) {
        assertThat(forked.branchCount()).isBetween(2, 4);
        double sum = 0;
        double magnitude = 0;
        for (int i = 0; i < forked.branchCount(); i++) {
            GraphSpec branch = forked.branch(i);
            assertThat(branch.leafIndices()).isEqualTo(forked.whole().leafIndices());
            double v = branch.evaluate(CORE).outputValue().get(0);
            sum += v;
            magnitude += Math.abs(v);
        }
        // the same branch values added in the same order as the whole graph adds them
        assertThat(forked.whole().evaluate(CORE).outputValue().get(0)).isCloseTo(sum, within(1e-15 * magnitude));
    }

    @Property(generation = GenerationMode.RANDOMIZED) // coverage is a share of random tries
    void tensorOutputGraphsEndInTheirLastResult(@ForAll("tensorGraphs") GraphSpec graph) {
        assertThat(graph.node(graph.output())).isInstanceOf(OpNode.class);
        Statistics.label("output").collect(graph.outputShape().isScalar() ? "scalar" : "tensor");
        Statistics.label("output").coverage(c -> c.check("tensor").percentage(p -> p >= 30));
    }

    @Provide
    Arbitrary<GraphSpec> tensorGraphs() {
        return GradArbitraries.graphs().tensorOutput();
    }

    @Property
    void smoothGraphsUseSmoothOpsOnly(@ForAll("smoothGraphs") GraphSpec graph) {
        assertThat(GraphArbitrary.SMOOTH_OPS).containsAll(graph.opNames());
    }

    @Provide
    Arbitrary<GraphSpec> smoothGraphs() {
        return GradArbitraries.graphs().smoothOnly();
    }

    @Property
    void graphsUseOnlyTheAllowedOps(@ForAll("fewOps") GraphSpec graph) {
        // tanh also squashes large inputs and square, addConstant guard domains: none is allowed here
        assertThat(List.of(Ops.ADD, Ops.MUL, Ops.SUM)).containsAll(graph.opNames());
        assertThat(graph.leafIndices()).allSatisfy(i -> assertThat(graph.node(i)).isInstanceOf(LeafNode.class));
    }

    @Provide
    Arbitrary<GraphSpec> fewOps() {
        return GradArbitraries.graphs().ops(List.of(Ops.SUM, Ops.MUL, Ops.ADD));
    }
}
