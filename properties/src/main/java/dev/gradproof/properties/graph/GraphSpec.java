package dev.gradproof.properties.graph;

import dev.gradproof.autograd.Shape;
import dev.gradproof.autograd.Tensor;
import dev.gradproof.properties.engine.AutogradAdapter;
import dev.gradproof.properties.engine.DenseArray;
import dev.gradproof.properties.engine.KnownFault;
import dev.gradproof.properties.engine.OpCall;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A computational graph as plain data, independent of any engine: leaves with their values and ops
 * applied to earlier nodes, in topological order, with one output.
 *
 * <p>Nodes may be used several times (forks), so a spec is a DAG, not only a tree. A spec can be
 * built in any engine through an {@link AutogradAdapter} ({@link #evaluate}), which is how the
 * contract kit runs one graph in several engines and several variants of one graph in one engine.
 * It prints as a readable expression, nodes used more than once bound to a name first:
 * <pre>
 * sum(relu(matmul(x[2,3], w[3,1]) + b[1]))
 * t2 = tanh(x0[2]); sum(t2 * t2)
 * </pre>
 *
 * <p>Immutable; equality is structural, leaf values compared bitwise.
 */
public final class GraphSpec {

    private final List<Node> nodes;
    private final int output;

    private GraphSpec(List<Node> nodes, int output) {
        this.nodes = List.copyOf(nodes);
        this.output = output;
    }

    /** A builder for a new spec. */
    public static Builder builder() {
        return new Builder(List.of());
    }

    /** A builder that starts with this spec's nodes, to extend or rewrite it. */
    public Builder toBuilder() {
        return new Builder(nodes);
    }

    // ------------------------------------------------------------------ structure

    /** The nodes in topological order. */
    public List<Node> nodes() {
        return nodes;
    }

    /** Node {@code index}. */
    public Node node(int index) {
        return nodes.get(index);
    }

    /** The number of nodes, leaves included. */
    public int size() {
        return nodes.size();
    }

    /** The number of op nodes. */
    public int opCount() {
        return (int) nodes.stream().filter(OpNode.class::isInstance).count();
    }

    /** The index of the output node. */
    public int output() {
        return output;
    }

    /** The same nodes with another output: a sub-graph (nodes the output does not reach are dead). */
    public GraphSpec withOutput(int newOutput) {
        if (newOutput < 0 || newOutput >= nodes.size()) {
            throw new IllegalArgumentException("output " + newOutput + " is not a node (0.." + (nodes.size() - 1) + ")");
        }
        return new GraphSpec(nodes, newOutput);
    }

    /** The nodes the output depends on, the output included. */
    public boolean[] reachable() {
        boolean[] live = new boolean[nodes.size()];
        live[output] = true;
        for (int i = output; i >= 0; i--) {
            if (live[i] && nodes.get(i) instanceof OpNode op) {
                for (int input : op.inputs()) {
                    live[input] = true;
                }
            }
        }
        return live;
    }

    /** The shape of the output. */
    public Shape outputShape() {
        return nodes.get(output).shape();
    }

    /** Indices of all leaves, constants included, in order. */
    public List<Integer> leafIndices() {
        List<Integer> leaves = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i) instanceof LeafNode) {
                leaves.add(i);
            }
        }
        return leaves;
    }

    /** Indices of the leaves that require grad, in order. */
    public List<Integer> gradLeafIndices() {
        List<Integer> leaves = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i) instanceof LeafNode leaf && leaf.requiresGrad()) {
                leaves.add(i);
            }
        }
        return leaves;
    }

    /** The leaf node at {@code index}. */
    public LeafNode leaf(int index) {
        if (!(nodes.get(index) instanceof LeafNode leaf)) {
            throw new IllegalArgumentException("node " + index + " is not a leaf but " + nodes.get(index));
        }
        return leaf;
    }

    /**
     * The op nodes the output depends on that read node {@code index}, one entry per use (an op
     * reading it twice counts twice).
     */
    public List<Integer> consumers(int index) {
        boolean[] live = reachable();
        List<Integer> consumers = new ArrayList<>();
        for (int i = index + 1; i < nodes.size(); i++) {
            if (live[i] && nodes.get(i) instanceof OpNode op) {
                for (int input : op.inputs()) {
                    if (input == index) {
                        consumers.add(i);
                    }
                }
            }
        }
        return consumers;
    }

    /** The op nodes whose value is used more than once: the forks. */
    public List<Integer> forks() {
        int[] uses = uses();
        List<Integer> forks = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i) instanceof OpNode && uses[i] > 1) {
                forks.add(i);
            }
        }
        return forks;
    }

    /** For every node, how often the op nodes the output depends on read it ({@link #consumers} of all nodes in one pass). */
    int[] uses() {
        boolean[] live = reachable();
        int[] uses = new int[nodes.size()];
        for (int i = 0; i < nodes.size(); i++) {
            if (live[i] && nodes.get(i) instanceof OpNode op) {
                op.inputs().forEach(input -> uses[input]++);
            }
        }
        return uses;
    }

    /** The names of the ops the output depends on, sorted. */
    public Set<String> opNames() {
        boolean[] live = reachable();
        Set<String> names = new TreeSet<>();
        for (int i = 0; i < nodes.size(); i++) {
            if (live[i] && nodes.get(i) instanceof OpNode op) {
                names.add(op.op());
            }
        }
        return Collections.unmodifiableSet(names);
    }

    // ------------------------------------------------------------------ evaluation

    /**
     * Builds this graph in an engine: a leaf or constant for each leaf, an applied op for each op
     * node (the pseudo-op {@link ShapeRules#DETACH} through the engine's {@code detach}).
     */
    public <V> Evaluation<V> evaluate(AutogradAdapter<V> engine) {
        return evaluate(engine, makeLeaves(engine), true);
    }

    /**
     * Builds this graph in an engine as {@link #evaluate(AutogradAdapter)} does, but also where it
     * meets a fault the engine declared: for a harness that expects the fault to show (the op
     * catalogue's run turns a declared fault into an expected failure, and one that no longer
     * fails into a failure of its own).
     */
    public <V> Evaluation<V> evaluateKnownFaultsIncluded(AutogradAdapter<V> engine) {
        return evaluate(engine, makeLeaves(engine), false);
    }

    private <V> List<V> makeLeaves(AutogradAdapter<V> engine) {
        List<V> leaves = new ArrayList<>();
        for (int index : leafIndices()) {
            LeafNode leaf = leaf(index);
            DenseArray value = DenseArrays.of(leaf.value());
            leaves.add(EngineFailure.during(engine.name(), "making leaf " + leaf.name(), this,
                    () -> leaf.requiresGrad() ? engine.leaf(leaf.name(), value) : engine.constant(leaf.name(), value)));
        }
        return leaves;
    }

    /**
     * Builds this graph in an engine over leaves the caller made, one per leaf in the order of
     * {@link #leafIndices()}: how a checker differentiates the graph with respect to its own
     * variables (for autograd-core, {@code spec.evaluate(new AutogradCoreAdapter(), variables)}).
     *
     * @throws IllegalArgumentException if the number of leaves differs
     */
    public <V> Evaluation<V> evaluate(AutogradAdapter<V> engine, List<V> leaves) {
        return evaluate(engine, leaves, true);
    }

    private <V> Evaluation<V> evaluate(AutogradAdapter<V> engine, List<V> leaves, boolean knownFaultsApart) {
        if (leaves.size() != leafIndices().size()) {
            throw new IllegalArgumentException("evaluate: " + leaves.size() + " leaves given for "
                    + leafIndices().size() + " leaves in " + this);
        }
        List<V> built = new ArrayList<>(nodes.size());
        List<KnownFault> faults = knownFaultsApart ? engine.knownFaults() : List.of();
        int nextLeaf = 0;
        for (Node node : nodes) {
            if (node instanceof LeafNode) {
                built.add(leaves.get(nextLeaf++));
            } else {
                OpNode op = (OpNode) node;
                meetsNoKnownFault(op, faults);
                List<V> inputs = new ArrayList<>(op.inputs().size());
                for (int input : op.inputs()) {
                    inputs.add(built.get(input));
                }
                built.add(EngineFailure.during(engine.name(), "applying " + op.op() + " (node " + built.size() + ")", this,
                        () -> op.op().equals(ShapeRules.DETACH) ? engine.detach(inputs.get(0)) : engine.apply(op.call(), inputs)));
            }
        }
        return new Evaluation<>(this, engine, built);
    }

    /** Throws {@link KnownFaultMet} when the op node is a case of a fault the engine declared. */
    private void meetsNoKnownFault(OpNode op, List<KnownFault> faults) {
        if (faults.isEmpty()) {
            return;
        }
        List<int[]> shapes = new ArrayList<>();
        for (int input : op.inputs()) {
            shapes.add(nodes.get(input).shape().dims());
        }
        for (KnownFault fault : faults) {
            if (fault.matches(op.call(), shapes)) {
                throw new KnownFaultMet(fault);
            }
        }
    }

    /**
     * This graph with new leaf values, in the order of {@link #leafIndices()}: the graph as a
     * function of its leaves' arrays.
     *
     * @throws IllegalArgumentException naming the leaf whose new value has another shape
     */
    public GraphSpec withLeafValues(List<Tensor> values) {
        List<Integer> leaves = leafIndices();
        if (values.size() != leaves.size()) {
            throw new IllegalArgumentException("withLeafValues: " + values.size() + " values for "
                    + leaves.size() + " leaves");
        }
        List<Node> copy = new ArrayList<>(nodes);
        for (int i = 0; i < leaves.size(); i++) {
            LeafNode leaf = leaf(leaves.get(i));
            if (!values.get(i).shape().equals(leaf.shape())) {
                throw new IllegalArgumentException("withLeafValues: leaf " + leaf.name() + " has shape "
                        + leaf.shape() + " but the new value has shape " + values.get(i).shape());
            }
            copy.set(leaves.get(i), new LeafNode(leaf.name(), values.get(i), leaf.requiresGrad()));
        }
        return new GraphSpec(copy, output);
    }

    // ------------------------------------------------------------------ object

    @Override
    public boolean equals(Object o) {
        return o instanceof GraphSpec other && output == other.output && nodes.equals(other.nodes);
    }

    @Override
    public int hashCode() {
        return 31 * nodes.hashCode() + output;
    }

    /** Graphs larger than this many nodes print as a summary, not as an expression. */
    public static final int MAX_PRINTED_NODES = 2000;

    /**
     * The graph as an expression (see the class comment); a graph of more than
     * {@value #MAX_PRINTED_NODES} nodes (a deep chain) as a summary of its size and ops, since its
     * expression would be as long as the graph is deep.
     */
    @Override
    public String toString() {
        if (nodes.size() > MAX_PRINTED_NODES) {
            return "<" + nodes.size() + " nodes (" + opCount() + " ops: " + opNames() + "), too large to print>";
        }
        return ExpressionPrinter.print(this);
    }

    /**
     * Builds a spec node by node; every op's shape is checked and inferred by {@link ShapeRules}, so
     * a built spec is always well-formed.
     */
    public static final class Builder {

        private final List<Node> nodes;
        private final Set<String> names = new HashSet<>();

        private Builder(List<Node> start) {
            this.nodes = new ArrayList<>(start);
            for (Node node : start) {
                if (node instanceof LeafNode leaf) {
                    names.add(leaf.name());
                }
            }
        }

        /** Adds a leaf that requires grad; returns its index. */
        public int leaf(String name, Tensor value) {
            return addLeaf(new LeafNode(name, value, true));
        }

        /** Adds a constant leaf; returns its index. */
        public int constant(String name, Tensor value) {
            return addLeaf(new LeafNode(name, value, false));
        }

        private int addLeaf(LeafNode leaf) {
            if (!names.add(leaf.name())) {
                throw new IllegalArgumentException("leaf name " + leaf.name() + " is already used");
            }
            nodes.add(leaf);
            return nodes.size() - 1;
        }

        /** True if a leaf of that name exists. */
        public boolean hasLeaf(String name) {
            return names.contains(name);
        }

        /**
         * Adds an op applied to earlier nodes; returns its index.
         *
         * @throws IllegalArgumentException when an input index is not an earlier node or the shapes
         *     do not fit the op
         */
        public int apply(OpCall call, int... inputs) {
            List<Shape> shapes = new ArrayList<>(inputs.length);
            List<Integer> in = new ArrayList<>(inputs.length);
            for (int input : inputs) {
                if (input < 0 || input >= nodes.size()) {
                    throw new IllegalArgumentException(call.op() + ": input " + input + " is not an earlier node (0.."
                            + (nodes.size() - 1) + ")");
                }
                shapes.add(nodes.get(input).shape());
                in.add(input);
            }
            nodes.add(new OpNode(call, in, ShapeRules.outputShape(call, shapes)));
            return nodes.size() - 1;
        }

        /** The shape of node {@code index}. */
        public Shape shape(int index) {
            return nodes.get(index).shape();
        }

        /** Node {@code index}. */
        public Node node(int index) {
            return nodes.get(index);
        }

        /** The number of nodes so far. */
        public int size() {
            return nodes.size();
        }

        /**
         * The spec with {@code output} as its output.
         *
         * @throws IllegalArgumentException if there is no such node
         */
        public GraphSpec build(int output) {
            if (output < 0 || output >= nodes.size()) {
                throw new IllegalArgumentException("output " + output + " is not a node (0.." + (nodes.size() - 1) + ")");
            }
            return new GraphSpec(nodes, output);
        }
    }
}
