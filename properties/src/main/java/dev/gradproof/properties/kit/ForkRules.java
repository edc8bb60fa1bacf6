package dev.gradproof.properties.kit;

import dev.gradproof.properties.engine.DenseArray;
import dev.gradproof.properties.generators.ForkedGraph;
import dev.gradproof.properties.graph.GraphRewrites;
import dev.gradproof.properties.graph.GraphSpec;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rules of forks: shared nodes and branches add up (KIT-2xx).
 *
 * @param <V> the engine's node type
 */
public abstract class ForkRules<V> extends GradientShapeRules<V> {

    // ================================================================== forks

    /** A variable used by k branches receives the sum of the k branch gradients. */
    @Verifies(Rule.KIT_201)
    @Property
    public void forksAccumulateTheBranchGradients(@ForAll("forkedGraphs") ForkedGraph forked) {
        GraphSpec whole = forked.whole();
        Map<String, DenseArray> total = gradsByName(whole);
        List<Map<String, DenseArray>> branches = new ArrayList<>();
        for (int i = 0; i < forked.branchCount(); i++) {
            branches.add(gradsByName(forked.branch(i)));
        }
        for (Map.Entry<String, DenseArray> e : total.entrySet()) {
            double[] sum = new double[e.getValue().size()];
            double[] magnitude = new double[sum.length];
            for (Map<String, DenseArray> branch : branches) {
                double[] g = branch.get(e.getKey()).data();
                for (int j = 0; j < sum.length; j++) {
                    sum[j] += g[j];
                    magnitude[j] += Math.abs(g[j]);
                }
            }
            // The whole graph passes upstream 1.0 unchanged into each branch (add gates), so the
            // leaf receives exactly the contributions it receives in the branches, only added in
            // another order; reordering a sum of m terms moves it by at most (m-1) u sum|terms|.
            // With at most ~100 contributions per leaf, 128 u sum|g_branch| bounds it, plus the
            // floor for branches whose own contributions cancel.
            Check.close("fork accumulation", e.getKey(), e.getValue(), sum, e.getValue().shape(),
                    Tolerance.elementwise(128, magnitude).plus(Tolerance.normwise(1e-13, Tolerance.FLOOR)), forked);
        }
    }

    /** f(x) + f(x) has twice f's gradient, with the node shared and with f computed twice. */
    @Verifies(Rule.KIT_202)
    @Property
    public void twiceTheGraphHasTwiceTheGradient(@ForAll("graphs") GraphSpec graph) {
        Map<String, DenseArray> expected = doubled(gradsByName(graph));
        for (GraphSpec twice : List.of(GraphRewrites.sumWithItself(graph), GraphRewrites.sumWithCopy(graph))) {
            // Shared: the upstream 2 = 1 + 1 scales every product along the way by a power of
            // two, which is exact. Computed twice: the same contributions added in another
            // order, as in fork accumulation.
            compare("f + f gives twice the gradient of f (f + f: " + twice + ")", expected, gradsByName(twice),
                    Tolerance.normwise(1e-12, Tolerance.FLOOR), graph);
        }
    }

    /** A graph with a shared node equals the same graph with the node duplicated for each use. */
    @Verifies(Rule.KIT_203)
    @Property
    public void aSharedNodeEqualsTheNodeDuplicated(@ForAll("graphs") GraphSpec graph) {
        List<Integer> forks = graph.forks();
        Statistics.label("shared op nodes").collect(forks.isEmpty() ? "none" : "some");
        Map<String, DenseArray> shared = gradsByName(graph);
        for (int fork : forks) {
            GraphSpec duplicated = GraphRewrites.unshare(graph, fork);
            // The shared node backpropagates the sum of its consumers' upstreams once, the copies
            // each one; a backward linear in the upstream gives the same up to the rounding of
            // reordered sums, bounded relative to the gradient's size (values stay within +-100),
            // plus the floor where contributions cancel.
            compare("shared node = duplicated node t" + fork + " (duplicated: " + duplicated + ")", shared,
                    gradsByName(duplicated), Tolerance.normwise(1e-10, Tolerance.FLOOR), graph);
        }
    }
}
