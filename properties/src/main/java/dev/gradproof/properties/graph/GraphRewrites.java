package dev.gradproof.properties.graph;

import dev.gradproof.autograd.Tensor;
import dev.gradproof.properties.engine.OpCall;
import dev.gradproof.properties.engine.Ops;

import java.util.List;
import java.util.function.Predicate;

/**
 * Variants of a {@link GraphSpec} whose gradients are known from the original's: the same graph
 * summed with itself, a shared node duplicated, a leaf made constant, a node detached, an unused
 * leaf added. Leaves keep their names, so gradients are compared leaf by leaf by name.
 */
public final class GraphRewrites {

    private GraphRewrites() {
    }

    /** Rewrites one op node, given the builder and the node's inputs already mapped; returns the new index. */
    @FunctionalInterface
    interface NodeRewrite {
        int rewrite(GraphSpec.Builder builder, OpNode node, int[] inputs);
    }

    /**
     * Copies {@code spec} node by node into a new builder, letting {@code rewrite} emit each op node
     * (leaves are copied unchanged); returns the builder and, in {@code map}, old index to new.
     */
    static GraphSpec.Builder rebuild(GraphSpec spec, int[] map, NodeRewrite rewrite) {
        return rebuild(spec, map, LeafNode::requiresGrad, rewrite);
    }

    /** As {@link #rebuild(GraphSpec, int[], NodeRewrite)}, a leaf requiring grad in the copy where {@code grad} says so. */
    private static GraphSpec.Builder rebuild(GraphSpec spec, int[] map, Predicate<LeafNode> grad, NodeRewrite rewrite) {
        GraphSpec.Builder b = GraphSpec.builder();
        for (int i = 0; i < spec.size(); i++) {
            Node node = spec.node(i);
            if (node instanceof LeafNode leaf) {
                map[i] = grad.test(leaf) ? b.leaf(leaf.name(), leaf.value()) : b.constant(leaf.name(), leaf.value());
            } else {
                OpNode op = (OpNode) node;
                map[i] = rewrite.rewrite(b, op, mapped(op, map));
            }
        }
        return b;
    }

    private static int[] mapped(OpNode op, int[] map) {
        return op.inputs().stream().mapToInt(input -> map[input]).toArray();
    }

    private static int copy(GraphSpec.Builder b, OpNode op, int[] inputs) {
        return b.apply(op.call(), inputs);
    }

    /** {@code f + f} with the output node itself used twice: the gradient doubles. */
    public static GraphSpec sumWithItself(GraphSpec spec) {
        GraphSpec.Builder b = spec.toBuilder();
        return b.build(b.apply(OpCall.of(Ops.ADD), spec.output(), spec.output()));
    }

    /** {@code f + f'} where {@code f'} recomputes every op of {@code f} from the same leaves. */
    public static GraphSpec sumWithCopy(GraphSpec spec) {
        GraphSpec.Builder b = spec.toBuilder();
        int[] copyOf = new int[spec.size()];
        for (int i = 0; i < spec.size(); i++) {
            copyOf[i] = spec.node(i) instanceof OpNode op ? b.apply(op.call(), mapped(op, copyOf)) : i;
        }
        return b.build(b.apply(OpCall.of(Ops.ADD), spec.output(), copyOf[spec.output()]));
    }

    /**
     * The same function with op node {@code shared} recomputed separately for each of its uses, so
     * that no gradient has to be accumulated there.
     *
     * @throws IllegalArgumentException if {@code shared} is not an op node
     */
    public static GraphSpec unshare(GraphSpec spec, int shared) {
        if (!(spec.node(shared) instanceof OpNode sharedOp)) {
            throw new IllegalArgumentException("unshare: node " + shared + " is not an op node");
        }
        int[] map = new int[spec.size()];
        GraphSpec.Builder b = rebuild(spec, map, (builder, op, inputs) -> {
            if (op == sharedOp) {
                return -1;
            }
            List<Integer> original = op.inputs();
            for (int k = 0; k < inputs.length; k++) {
                if (original.get(k) == shared) {
                    inputs[k] = builder.apply(sharedOp.call(), mapped(sharedOp, map));
                }
            }
            return builder.apply(op.call(), inputs);
        });
        int output = spec.output() == shared ? b.apply(sharedOp.call(), mapped(sharedOp, map)) : map[spec.output()];
        return b.build(output);
    }

    /** The same graph with leaf {@code leafIndex} turned into a constant of the same value. */
    public static GraphSpec withConstantLeaf(GraphSpec spec, int leafIndex) {
        LeafNode target = spec.leaf(leafIndex);
        int[] map = new int[spec.size()];
        return rebuild(spec, map, leaf -> leaf.requiresGrad() && leaf != target, GraphRewrites::copy)
                .build(map[spec.output()]);
    }

    /** Every constant turned into a leaf, for engines without constants. */
    public static GraphSpec constantsAsLeaves(GraphSpec spec) {
        int[] map = new int[spec.size()];
        return rebuild(spec, map, leaf -> true, GraphRewrites::copy).build(map[spec.output()]);
    }

    /** The same graph with the uses of op node {@code node} reading {@code detach(node)} instead. */
    public static GraphSpec detached(GraphSpec spec, int node) {
        int[] map = new int[spec.size()];
        GraphSpec.Builder b = rebuild(spec, map, (builder, op, inputs) -> {
            int index = builder.apply(op.call(), inputs);
            return op == spec.node(node) ? builder.apply(OpCall.of(ShapeRules.DETACH), index) : index;
        });
        return b.build(map[spec.output()]);
    }

    /**
     * The same graph with op node {@code node} replaced by a constant leaf named {@code name} holding
     * {@code value}, the node's value: what {@link #detached} must compute.
     */
    public static GraphSpec replacedByConstant(GraphSpec spec, int node, String name, Tensor value) {
        int[] map = new int[spec.size()];
        GraphSpec.Builder b = rebuild(spec, map, (builder, op, inputs) ->
                op == spec.node(node) ? builder.constant(name, value) : builder.apply(op.call(), inputs));
        return b.build(map[spec.output()]);
    }

    /** The same graph with one more leaf, which the output does not use. */
    public static GraphSpec withUnusedLeaf(GraphSpec spec, String name, Tensor value) {
        GraphSpec.Builder b = spec.toBuilder();
        b.leaf(name, value);
        return b.build(spec.output());
    }

    /**
     * Every node of {@code identity}'s op replaced by its other graph; the ops the identity needs
     * must be declared by the engine that runs the result.
     */
    public static GraphSpec rewrite(GraphSpec spec, Identity identity) {
        int[] map = new int[spec.size()];
        GraphSpec.Builder b = rebuild(spec, map, (builder, op, inputs) ->
                op.op().equals(identity.op()) ? identity.expand(builder, op.call(), inputs) : builder.apply(op.call(), inputs));
        return b.build(map[spec.output()]);
    }
}
