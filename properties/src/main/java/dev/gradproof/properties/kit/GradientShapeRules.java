package dev.gradproof.properties.kit;

import dev.gradproof.properties.engine.DenseArray;
import dev.gradproof.properties.graph.Evaluation;
import dev.gradproof.gradcheck.GradCheck;
import dev.gradproof.properties.graph.GraphFunction;
import dev.gradproof.properties.graph.GraphSpec;
import dev.gradproof.properties.graph.LeafNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;
import java.util.Random;

/**
 * The rules of gradient shapes and of gradcheck (KIT-1xx).
 *
 * @param <V> the engine's node type
 */
public abstract class GradientShapeRules<V> extends KitBase<V> {

    // ================================================================== shapes

    /** The gradient of every variable has exactly the variable's shape, and is finite. */
    @Verifies(Rule.KIT_101)
    @Property
    public void gradientsHaveTheShapesOfTheirVariables(@ForAll("graphsAndNetworks") GraphSpec graph) {
        Evaluation<V> run = graph.evaluate(adapter()).backward();
        for (int leaf : graph.gradLeafIndices()) {
            LeafNode node = graph.leaf(leaf);
            DenseArray grad = run.grad(leaf);
            Check.shape("gradient shape", node.name(), grad, node.shape().dims(), graph);
            Check.finite("gradient shape", "gradient of " + node.name(), grad, graph);
        }
    }

    /**
     * Random graphs and random networks pass gradcheck, in FAST and in SAMPLED mode: every checked
     * element passes or is reported as a kink, never as a failure. The engine is seen as foreign
     * code (its value and gradient over plain arrays, see {@link EngineFunction}), so kinks are found
     * by gradcheck's one-sided heuristic, and the graph is checked at a {@link GenericPoint generic
     * point} near the generated one. Results are not recorded one by one (thousands of tries); the failing one is
     * printed with gradcheck's table, seed, replay line and the leaves' values, and shrunk by jqwik.
     */
    @Verifies(Rule.KIT_102)
    @Property
    @Requires(float64 = true)
    public void graphsAndNetworksPassGradcheck(@ForAll("graphsAndNetworks") GraphSpec generated,
                                               @ForAll("gradcheckSeeds") long seed) {
        GraphSpec graph = GenericPoint.near(generated, seed);
        EngineFunction function = new EngineFunction(graph, adapter());
        GradCheck check = GradCheck.of(function);
        GraphFunction f = function.graph();
        List<String> names = f.names();
        List<int[]> shapes = f.shapes();
        List<double[]> point = f.point();
        for (int i = 0; i < names.size(); i++) {
            check.input(names.get(i), point.get(i), shapes.get(i));
        }
        GradcheckVerdicts.assertPassesOrKinks(check, seed, graph);
    }

    /** Seeds for gradcheck's own random choices (FAST directions, SAMPLED elements). */
    @Provide
    public Arbitrary<Long> gradcheckSeeds() {
        return Arbitraries.longs().withoutEdgeCases();
    }
}
