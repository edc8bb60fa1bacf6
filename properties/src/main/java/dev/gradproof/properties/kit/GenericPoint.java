package dev.gradproof.properties.kit;

import dev.gradproof.autograd.Tensor;
import dev.gradproof.properties.graph.GraphSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Moves a generated graph's leaves off the exact kinks its value pool aims at (zero pre-activations,
 * ties), to a generic point nearby.
 *
 * <p>A gradient checker that sees an engine only through its values cannot judge a point where
 * several kinks meet: in {@code relu(t) - relu(-t)} at {@code t = 0} both one-sided slopes are 1,
 * yet every autograd engine, using the subgradient 0 of each ReLU, returns 0. Only the engine's
 * own branch records can tell that case from a wrong gradient (autograd-core's do, and its own
 * property keeps the exact kinks). Moving every leaf by about 1% of its size (at least 0.001)
 * makes a kink within the checker's probe width an event of probability about {@code 1e-4} per
 * element, and a single kink crossed is still reported as a kink.
 */
final class GenericPoint {

    /** The relative size of the move, and its floor for leaves at zero. */
    static final double RELATIVE = 0.01;
    static final double FLOOR = 0.001;

    private GenericPoint() {
    }

    /** The graph with every leaf moved by seeded Gaussian noise of about 1% of its size. */
    static GraphSpec near(GraphSpec graph, long seed) {
        Random random = new Random(seed);
        List<Tensor> values = new ArrayList<>();
        for (int i : graph.leafIndices()) {
            values.add(graph.leaf(i).value().map(v -> v + Math.max(FLOOR, RELATIVE * Math.abs(v)) * random.nextGaussian()));
        }
        return graph.withLeafValues(values);
    }
}
