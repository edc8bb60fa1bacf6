package dev.gradproof.properties.kit;

import dev.gradproof.gradcheck.function.AutogradFunction;
import dev.gradproof.gradcheck.function.CheckedFunction;
import dev.gradproof.gradcheck.function.Evaluation;
import dev.gradproof.properties.core.AutogradCoreAdapter;
import dev.gradproof.properties.engine.AutogradAdapter;
import dev.gradproof.properties.graph.GraphFunction;
import dev.gradproof.properties.graph.GraphSpec;

import java.util.Arrays;

/**
 * A generated graph run in the engine under test, as gradcheck sees foreign code: its value and
 * its gradient over plain arrays, no branch records. Only the rounding scale of the computation is
 * taken from autograd-core run on the same graph as a reference: how far rounding can move the
 * output (from intermediate values much larger than the output, from sums that cancel to zero) is
 * a property of the computation and its values, not of the engine that performs it. Without it a
 * graph whose output cancels to exactly 0 would leave gradcheck no scale at all for the rounding
 * residue of its gradient.
 */
final class EngineFunction implements CheckedFunction {

    private final GraphFunction graph;
    private final AutogradFunction reference;

    EngineFunction(GraphSpec spec, AutogradAdapter<?> engine) {
        this.graph = GraphFunction.of(spec, engine);
        this.reference = new AutogradFunction(AutogradCoreAdapter.asFunction(spec), graph.names(), graph.shapes());
    }

    /** The inputs' names, shapes and values at the graph's own point. */
    GraphFunction graph() {
        return graph;
    }

    @Override
    public Evaluation evaluate(double[][] point, boolean[] wrt) {
        return new Evaluation(new double[] {graph.value(Arrays.asList(point))}, new int[0], null);
    }

    @Override
    public double[][] vectorJacobianProduct(double[][] point, double[] upstream, boolean[] wrt) {
        double[][] scaled = graph.gradient(Arrays.asList(point)).toArray(double[][]::new); // fresh arrays
        for (double[] g : scaled) {
            for (int k = 0; k < g.length; k++) {
                g[k] *= upstream[0];
            }
        }
        return scaled;
    }

    @Override
    public double roundingScale(double[][] point, double[] upstream, boolean[] wrt) {
        return reference.roundingScale(point, upstream, wrt);
    }
}
