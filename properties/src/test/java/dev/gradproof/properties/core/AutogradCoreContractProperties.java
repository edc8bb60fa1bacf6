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

    /**
     * At the generated point, exact kinks included: each is named by the op whose branch changed; never a
     * FAIL (where every element sits on a kink, nothing is compared and the check says so: INCONCLUSIVE).
     */
    @Property
    void graphsAndNetworksPassGradcheckWithBranchRecords(@ForAll("graphsAndNetworks") GraphSpec graph,
                                                         @ForAll("gradcheckSeeds") long seed) {
        GradCheck check = GradCheck.of(AutogradCoreAdapter.asFunction(graph));
        for (int leaf : graph.gradLeafIndices()) {
            LeafNode node = graph.leaf(leaf);
            check.input(node.name(), node.value());
        }
        GradcheckVerdicts.assertNeverFailsAtKinks(check, seed, graph);
    }
}
