package dev.gradproof.properties.kit;

import dev.gradproof.properties.engine.AutogradAdapter;
import dev.gradproof.properties.graph.GraphSpec;
import dev.gradproof.properties.graph.Identity;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The contract of reverse-mode automatic differentiation as a compatibility kit: extend this class
 * with an adapter to your engine and every invariant below runs against it as a jqwik property,
 * over random graphs made only of the ops the engine declares.
 *
 * <pre>{@code
 * class MyEngineContractProperties extends AutogradContract<MyNode> {
 *     @Override
 *     protected AutogradAdapter<MyNode> engine() {
 *         return new MyEngineAdapter();
 *     }
 * }
 * }</pre>
 *
 * <p>The invariants: gradients have their variables' shapes (under broadcasting and reductions)
 * and are finite; fork accumulation (a variable used by k branches gets the sum of the branch
 * gradients; f + f has twice f's gradient; a shared node equals the graph with the node
 * duplicated); the gate patterns (add distributes, mul swaps, max routes to the winner, copy
 * adds); linearity in the upstream; two graphs of one function have one gradient (the
 * {@link Identity identities}, and ReLU and Leaky ReLU as Maxout); scaling a linear layer's input
 * scales its weight gradient; repeated backward accumulates (or resets, as declared) and zeroGrad
 * resets; constants, detached nodes and unused leaves get no gradient; Hessian-vector products
 * match finite differences of the gradient; one seed gives the same gradients; every declared op
 * occurs in the generated graphs; forward values match autograd-core's; deep chains and diamonds
 * backpropagate. Each is a {@link Rule} with a stable ID, and the rules are split by theme over
 * the superclasses ({@link KitBase}, {@link GradientShapeRules}, {@link ForkRules},
 * {@link GateRules}, {@link LinearityAndIdentityRules}, {@link AccumulationRules},
 * {@link SecondOrderAndDeterminismRules}, {@link CoverageRules}); the values and deep-graph rules
 * are here. A rule that needs an op or capability the engine does not declare ({@link Requires})
 * is skipped with the reason, never passed; what the engine declares ({@code declared()}) bounds
 * every generator.
 *
 * <p>Every failure names the invariant, the variable and the worst elements, and prints the graph;
 * jqwik shrinks it to a small one and prints the seed that replays it.
 *
 * @param <V> the engine's node type
 */
public abstract class AutogradContract<V> extends CoverageRules<V> {

    // ================================================================== values and deep graphs

    /**
     * Every op's forward value matches autograd-core's (which agrees with PyTorch to 1e-13), each op
     * computed by the reference on the engine's own input values, so that one op's rounding never
     * counts against the next: {@link ForwardValues}.
     */
    @Verifies(Rule.KIT_901)
    @Property
    public void forwardValuesMatchTheReference(@ForAll("graphsAndNetworks") GraphSpec graph) {
        ForwardValues.check(graph, adapter());
    }

    /**
     * A chain {@code h = h + x} and a diamond {@code h = (h + h) - h} (or {@code 0.5 h + 0.5 h}) of
     * {@link #deepGraphDepth()} levels over a scalar leaf backpropagate without a crash and give the
     * exact gradients {@code depth + 1} and 1. A crash (a recursive topological sort's
     * {@code StackOverflowError}) is reported as "the engine threw", with the least failing depth
     * found by halving: {@link DeepGraphs}.
     */
    @Verifies(Rule.KIT_902)
    @net.jqwik.api.Example
    public void deepChainsAndDiamondsBackpropagate() {
        DeepGraphs.check(adapter(), deepGraphDepth());
    }
}
