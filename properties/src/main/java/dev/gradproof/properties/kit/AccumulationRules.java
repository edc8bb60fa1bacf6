package dev.gradproof.properties.kit;

import dev.gradproof.autograd.Tensor;
import dev.gradproof.properties.engine.AutogradAdapter.Capability;
import dev.gradproof.properties.engine.Capabilities;
import dev.gradproof.properties.engine.DenseArray;
import dev.gradproof.properties.graph.DenseArrays;
import dev.gradproof.properties.graph.Evaluation;
import dev.gradproof.properties.graph.GraphRewrites;
import dev.gradproof.properties.graph.GraphSpec;
import dev.gradproof.properties.graph.LeafNode;
import dev.gradproof.properties.graph.OpNode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rules of repeated backward, zeroGrad, constants, detached nodes and unused leaves (KIT-5xx).
 *
 * @param <V> the engine's node type
 */
public abstract class AccumulationRules<V> extends LinearityAndIdentityRules<V> {

    // ================================================================== accumulation and constants

    /** Repeated backward accumulates (or resets, if the engine declares so); zeroGrad resets. */
    @Verifies(Rule.KIT_501)
    @Property
    public void repeatedBackwardAccumulatesAndZeroGradResets(@ForAll("graphs") GraphSpec graph) {
        Evaluation<V> run = graph.evaluate(adapter()).backward();
        Map<String, DenseArray> once = gradsByName(run);
        run.backward();
        Map<String, DenseArray> twice = gradsByName(run);
        // The second pass repeats the first, and g + g = 2 g exactly; the bound only allows an
        // engine whose sums depend on the run (parallel reductions).
        boolean resets = declared().repeatedBackward() == Capabilities.RepeatedBackward.RESET;
        compare(resets ? "repeated backward resets (as declared)" : "repeated backward accumulates",
                resets ? once : doubled(once), twice, Tolerance.normwise(1e-12 + declared().determinismTolerance(), 0), graph);
        if (!adapter().capabilities().contains(Capability.ZERO_GRAD)) {
            return;
        }
        for (int leaf : graph.gradLeafIndices()) {
            adapter().zeroGrad(run.node(leaf));
        }
        compare("zeroGrad resets to zero", zerosLike(once), gradsByName(run), exact(), graph);
        run.backward();
        compare("backward after zeroGrad", once, gradsByName(run), Tolerance.normwise(1e-12, 0), graph);
    }

    /** A constant gets no gradient, and the other leaves get the gradients they had. */
    @Verifies(Rule.KIT_502)
    @Property
    @Requires(capabilities = Capability.CONSTANTS)
    public void constantsGetNoGradient(@ForAll("graphs") GraphSpec graph, @ForAll @IntRange(min = 0, max = 99) int pick) {
        List<Integer> leaves = graph.gradLeafIndices();
        int constant = leaves.get(pick % leaves.size());
        GraphSpec spec = GraphRewrites.withConstantLeaf(graph, constant);
        Evaluation<V> run = spec.evaluate(adapter());
        if (dependsOnGradLeaf(spec)) {
            run.backward();
        }
        Map<String, DenseArray> expected = gradsByName(graph);
        LeafNode leaf = graph.leaf(constant);
        Check.close("constants get no gradient", leaf.name() + " (constant)", run.grad(constant),
                new double[leaf.value().size()], leaf.shape().dims(), exact(), spec);
        expected.remove(leaf.name());
        compare("the other leaves keep their gradients when " + leaf.name() + " is a constant", expected,
                gradsByName(run), Tolerance.normwise(1e-12, 0), spec);
    }

    /** No gradient flows through a detached node: the graph equals one with a constant in its place. */
    @Verifies(Rule.KIT_503)
    @Property
    @Requires(capabilities = {Capability.DETACH, Capability.CONSTANTS})
    public void detachedNodesPassNoGradient(@ForAll("graphs") GraphSpec graph, @ForAll @IntRange(min = 0, max = 99) int pick) {
        boolean[] live = graph.reachable();
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < graph.size(); i++) {
            if (live[i] && graph.node(i) instanceof OpNode && i != graph.output()) {
                candidates.add(i);
            }
        }
        Statistics.label("detachable nodes").collect(candidates.isEmpty() ? "none" : "some");
        if (candidates.isEmpty()) {
            return;
        }
        int node = candidates.get(pick % candidates.size());
        Tensor value = DenseArrays.toTensor(graph.evaluate(adapter()).value(node));
        GraphSpec detached = GraphRewrites.detached(graph, node);
        GraphSpec constant = GraphRewrites.replacedByConstant(graph, node, "detached", value);
        // The same arithmetic on the remaining paths.
        compare("a detached node passes no gradient (detached: " + detached + ")", gradsOrZeros(constant),
                gradsOrZeros(detached), Tolerance.normwise(1e-12, 0), graph);
    }

    /** A leaf the output does not use gets a zero gradient of its shape. */
    @Verifies(Rule.KIT_504)
    @Property
    public void unusedLeavesGetZeroGradient(@ForAll("graphs") GraphSpec graph, @ForAll("tensors") Tensor unused) {
        GraphSpec spec = GraphRewrites.withUnusedLeaf(graph, "unused", unused);
        Map<String, DenseArray> grads = gradsByName(spec);
        Check.close("unused leaves get zero gradient", "unused", grads.get("unused"), new double[unused.size()],
                unused.dims(), exact(), spec);
        grads.remove("unused");
        compare("an unused leaf changes no other gradient", gradsByName(graph), grads, Tolerance.normwise(1e-12, 0), spec);
    }
}
