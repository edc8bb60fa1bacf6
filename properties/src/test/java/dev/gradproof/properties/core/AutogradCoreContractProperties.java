package dev.gradproof.properties.core;

import dev.gradproof.autograd.Variable;
import dev.gradproof.gradcheck.GradCheck;
import dev.gradproof.properties.engine.AutogradAdapter;
import dev.gradproof.properties.graph.GraphSpec;
import dev.gradproof.properties.graph.LeafNode;
import dev.gradproof.properties.kit.AutogradContract;
import dev.gradproof.properties.kit.GradcheckVerdicts;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.util.List;

/**
 * autograd-core passes the whole contract, through its own adapter: every op, every capability.
 * On top of the kit, random graphs and networks pass gradcheck with autograd-core's own kink
 * detection (the branch records of its kinked ops), where the kit sees any engine as foreign code.
 */
class AutogradCoreContractProperties extends AutogradContract<Variable> {

    @Override
    protected AutogradAdapter<Variable> engine() {
        return new AutogradCoreAdapter();
    }

    /** Kinks are named by the op whose branch a perturbation changed; never a FAIL. */
    @Property
    void graphsAndNetworksPassGradcheckWithBranchRecords(@ForAll("graphsAndNetworks") GraphSpec graph,
                                                         @ForAll("gradcheckSeeds") long seed) {
        List<Integer> gradLeaves = graph.gradLeafIndices();
        AutogradCoreAdapter core = new AutogradCoreAdapter();
        GradCheck check = GradCheck.of(inputs -> graph.evaluate(core, leavesFor(graph, inputs)).output());
        for (int leaf : gradLeaves) {
            LeafNode node = graph.leaf(leaf);
            check.input(node.name(), node.value());
        }
        GradcheckVerdicts.assertPassesOrKinks(check, seed, graph);
    }

    /** The graph's leaves as Variables: gradcheck's fresh inputs for grad leaves, constants otherwise. */
    private static List<Variable> leavesFor(GraphSpec graph, List<Variable> inputs) {
        List<Integer> gradLeaves = graph.gradLeafIndices();
        return graph.leafIndices().stream().map(i -> {
            int k = gradLeaves.indexOf(i);
            LeafNode node = graph.leaf(i);
            return k >= 0 ? inputs.get(k) : Variable.constant(node.name(), node.value());
        }).toList();
    }
}
