package dev.gradproof.properties.broken;

import dev.gradproof.autograd.Tensor;
import dev.gradproof.properties.engine.AutogradAdapter;
import dev.gradproof.properties.engine.DenseArray;
import dev.gradproof.properties.engine.OpCall;
import dev.gradproof.properties.engine.Ops;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A small foreign autograd engine written for the kit's own tests, micrograd style (a node holds
 * its value, its parents and a closure for its backward), with three faults that can be switched
 * on. Without a fault it is correct, and passes the contract.
 */
final class MiniEngine implements AutogradAdapter<MiniEngine.Node> {

    /** The deliberate bugs. */
    enum Fault {
        /** None: a correct engine. */
        NONE,
        /** Stores ({@code =}) instead of adding ({@code +=}) the gradient arriving at a fork. */
        FORGETS_TO_ACCUMULATE_AT_FORKS,
        /** Passes the upstream of a broadcasting gate back without summing it to the input's shape. */
        BROADCASTS_WITHOUT_REDUCING,
        /** Gives sub's first operand the negated upstream and its second the upstream. */
        SWAPS_SUB_OPERANDS,
        /** Sorts the graph recursively, as micrograd does: the stack overflows on deep graphs. */
        RECURSIVE_TOPOLOGICAL_SORT
    }

    /** A node: value, parents, and the local backward from the upstream to one gradient per parent. */
    static final class Node {
        final String name;
        final Tensor value;
        final List<Node> parents;
        final Function<Tensor, Tensor[]> backward;
        Tensor grad;

        Node(String name, Tensor value, List<Node> parents, Function<Tensor, Tensor[]> backward) {
            this.name = name;
            this.value = value;
            this.parents = parents;
            this.backward = backward;
        }
    }

    private final Fault fault;

    MiniEngine(Fault fault) {
        this.fault = fault;
    }

    @Override
    public String name() {
        return "mini engine (" + fault + ")";
    }

    @Override
    public Set<String> ops() {
        return Set.of(Ops.ADD, Ops.SUB, Ops.MUL, Ops.NEG, Ops.SUM, Ops.TANH, Ops.ADD_CONSTANT, Ops.MUL_CONSTANT);
    }

    @Override
    public Node leaf(String name, DenseArray value) {
        return new Node(name, Tensor.of(value.data(), value.shape()), List.of(), null);
    }

    @Override
    public Node apply(OpCall call, List<Node> in) {
        Node a = in.get(0);
        Tensor x = a.value;
        return switch (call.op()) {
            case Ops.ADD -> node(x.plus(in.get(1).value), in, g -> new Tensor[] {toShape(g, a), toShape(g, in.get(1))});
            case Ops.SUB -> node(x.minus(in.get(1).value), in, g -> fault == Fault.SWAPS_SUB_OPERANDS
                    ? new Tensor[] {toShape(g.times(-1), a), toShape(g, in.get(1))}
                    : new Tensor[] {toShape(g, a), toShape(g.times(-1), in.get(1))});
            case Ops.MUL -> node(x.times(in.get(1).value), in,
                    g -> new Tensor[] {toShape(g.times(in.get(1).value), a), toShape(g.times(x), in.get(1))});
            case Ops.NEG -> node(x.times(-1), in, g -> new Tensor[] {g.times(-1)});
            case Ops.SUM -> node(x.sum(), in, g -> new Tensor[] {Tensor.full(x.shape(), g.item())});
            case Ops.TANH -> {
                Tensor y = x.map(Math::tanh);
                yield node(y, in, g -> new Tensor[] {g.times(y.map(t -> 1 - t * t))});
            }
            case Ops.ADD_CONSTANT -> node(x.map(v -> v + call.scalar()), in, g -> new Tensor[] {g});
            case Ops.MUL_CONSTANT -> node(x.times(call.scalar()), in, g -> new Tensor[] {g.times(call.scalar())});
            default -> throw new IllegalArgumentException("mini engine: no op " + call.op());
        };
    }

    private static Node node(Tensor value, List<Node> parents, Function<Tensor, Tensor[]> backward) {
        return new Node(null, value, List.copyOf(parents), backward);
    }

    /** The upstream summed down to the input's shape, undoing broadcasting; the fault skips it. */
    private Tensor toShape(Tensor g, Node input) {
        return fault == Fault.BROADCASTS_WITHOUT_REDUCING ? g : g.reduceTo(input.value.shape());
    }

    @Override
    public void backward(Node output, DenseArray upstream) {
        List<Node> order = new ArrayList<>();
        if (fault == Fault.RECURSIVE_TOPOLOGICAL_SORT) {
            topological(output, new IdentityHashMap<>(), order);
        } else {
            iterativeTopological(output, order);
        }
        Map<Node, Tensor> grads = new IdentityHashMap<>();
        grads.put(output, Tensor.of(upstream.data(), upstream.shape()));
        for (int i = order.size() - 1; i >= 0; i--) {
            Node node = order.get(i);
            Tensor g = grads.get(node);
            if (g == null) {
                continue;
            }
            if (node.backward == null) {
                node.grad = node.grad == null ? g : node.grad.plus(g);
                continue;
            }
            Tensor[] local = node.backward.apply(g);
            for (int k = 0; k < local.length; k++) {
                Node parent = node.parents.get(k);
                if (fault == Fault.FORGETS_TO_ACCUMULATE_AT_FORKS) {
                    grads.put(parent, local[k]);
                } else {
                    grads.merge(parent, local[k], Tensor::plus);
                }
            }
        }
    }

    /** Depth-first post-order with an explicit stack: each node after all of its parents. */
    private static void iterativeTopological(Node output, List<Node> order) {
        Map<Node, Boolean> seen = new IdentityHashMap<>();
        java.util.ArrayDeque<Node> stack = new java.util.ArrayDeque<>();
        java.util.ArrayDeque<Integer> next = new java.util.ArrayDeque<>();
        seen.put(output, Boolean.TRUE);
        stack.push(output);
        next.push(0);
        while (!stack.isEmpty()) {
            Node node = stack.peek();
            int k = next.pop();
            if (k < node.parents.size()) {
                next.push(k + 1);
                Node parent = node.parents.get(k);
                if (seen.put(parent, Boolean.TRUE) == null) {
                    stack.push(parent);
                    next.push(0);
                }
            } else {
                stack.pop();
                order.add(node);
            }
        }
    }

    private static void topological(Node node, Map<Node, Boolean> seen, List<Node> order) {
        if (seen.put(node, Boolean.TRUE) != null) {
            return;
        }
        for (Node parent : node.parents) {
            topological(parent, seen, order);
        }
        order.add(node);
    }

    @Override
    public DenseArray value(Node node) {
        return new DenseArray(node.value.toArray(), node.value.dims());
    }

    @Override
    public DenseArray grad(Node node) {
        Tensor g = node.grad != null ? node.grad : Tensor.zeros(node.value.shape());
        return new DenseArray(g.toArray(), g.dims());
    }
}
