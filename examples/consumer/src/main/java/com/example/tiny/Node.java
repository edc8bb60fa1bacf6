package com.example.tiny;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * A tiny reverse-mode autograd over dense row-major {@code double} arrays with numpy broadcasting,
 * written for this example: the "foreign engine" that gradproof checks without knowing it. A node
 * holds a value, how it was made and how to send an upstream gradient back to its parents.
 */
public final class Node {

    /** Sends a node's upstream gradient to its parents' gradients. */
    @FunctionalInterface
    private interface Backward {
        void apply(double[] upstream, double[][] parentGrads);
    }

    private final double[] data;
    private final int[] shape;
    private final Node[] parents;
    private final Backward backward;
    private final boolean leaf;
    private final boolean requiresGrad;
    private double[] grad;

    private Node(double[] data, int[] shape, Node[] parents, Backward backward, boolean leaf, boolean requiresGrad) {
        if (data.length != size(shape)) {
            throw new IllegalArgumentException("tiny: " + data.length + " values for shape " + Arrays.toString(shape));
        }
        this.data = data;
        this.shape = shape;
        this.parents = parents;
        this.backward = backward;
        this.leaf = leaf;
        this.requiresGrad = requiresGrad;
        this.grad = new double[data.length];
    }

    /** A leaf that collects gradients. */
    public static Node leaf(double[] data, int... shape) {
        return new Node(data.clone(), shape.clone(), new Node[0], null, true, true);
    }

    /** A value that takes part in computations and never gets a gradient. */
    public static Node constant(double[] data, int... shape) {
        return new Node(data.clone(), shape.clone(), new Node[0], null, true, false);
    }

    /** A copy of the value, cut off from the graph. */
    public Node detach() {
        return constant(data, shape);
    }

    public double[] data() {
        return data.clone();
    }

    public int[] shape() {
        return shape.clone();
    }

    /** The gradient accumulated into this leaf (zeros for constants and when nothing flowed). */
    public double[] grad() {
        return grad.clone();
    }

    /** Forgets the accumulated gradient. */
    public void zeroGrad() {
        grad = new double[data.length];
    }

    // ---------------------------------------------------------------- ops

    public Node add(Node other) {
        return binary(other, (a, b) -> a + b, (a, b) -> 1, (a, b) -> 1);
    }

    public Node sub(Node other) {
        return binary(other, (a, b) -> a - b, (a, b) -> 1, (a, b) -> -1);
    }

    public Node mul(Node other) {
        return binary(other, (a, b) -> a * b, (a, b) -> b, (a, b) -> a);
    }

    public Node neg() {
        return unary(x -> -x, x -> -1);
    }

    /**
     * tanh, whose local gradient is 1 - tanh^2. With the system property {@code tiny.seededBug=true}
     * (the build's {@code seeded-bug} profile) it is 1 - tanh instead: the bug gradproof's check goal
     * must fail the build on.
     */
    public Node tanh() {
        if (Boolean.getBoolean("tiny.seededBug")) {
            return unary(Math::tanh, x -> 1 - Math.tanh(x));
        }
        return unary(Math::tanh, x -> 1 - Math.tanh(x) * Math.tanh(x));
    }

    /** max(0, x); its subgradient at 0 is 0. */
    public Node relu() {
        return unary(x -> Math.max(0, x), x -> x > 0 ? 1 : 0);
    }

    /** The sum of all elements, a scalar (shape []). */
    public Node sum() {
        double s = 0;
        for (double v : data) {
            s += v;
        }
        return new Node(new double[] {s}, new int[0], new Node[] {this}, (g, pg) -> {
            for (int i = 0; i < pg[0].length; i++) {
                pg[0][i] += g[0];
            }
        }, false, requiresGrad);
    }

    private Node unary(DoubleUnaryOperator f, DoubleUnaryOperator df) {
        double[] out = new double[data.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = f.applyAsDouble(data[i]);
        }
        return new Node(out, shape.clone(), new Node[] {this}, (g, pg) -> {
            for (int i = 0; i < g.length; i++) {
                pg[0][i] += g[i] * df.applyAsDouble(data[i]);
            }
        }, false, requiresGrad);
    }

    /** An elementwise op of two broadcast operands; its backward sums the upstream over broadcast axes. */
    private Node binary(Node other, DoubleBinaryOperator f, DoubleBinaryOperator dfda, DoubleBinaryOperator dfdb) {
        int[] outShape = broadcast(shape, other.shape);
        int n = size(outShape);
        int[] ia = new int[n];
        int[] ib = new int[n];
        double[] out = new double[n];
        for (int o = 0; o < n; o++) {
            ia[o] = sourceOffset(o, outShape, shape);
            ib[o] = sourceOffset(o, outShape, other.shape);
            out[o] = f.applyAsDouble(data[ia[o]], other.data[ib[o]]);
        }
        return new Node(out, outShape, new Node[] {this, other}, (g, pg) -> {
            for (int o = 0; o < n; o++) {
                double a = data[ia[o]];
                double b = other.data[ib[o]];
                pg[0][ia[o]] += g[o] * dfda.applyAsDouble(a, b);
                pg[1][ib[o]] += g[o] * dfdb.applyAsDouble(a, b);
            }
        }, false, requiresGrad || other.requiresGrad);
    }

    // ---------------------------------------------------------------- backward

    /** Backpropagates the scalar output's gradient 1. */
    public void backward() {
        if (data.length != 1) {
            throw new IllegalStateException("tiny: backward() needs a scalar output, got shape " + Arrays.toString(shape));
        }
        backward(new double[] {1});
    }

    /**
     * Backpropagates {@code upstream} (of this node's shape) and adds {@code d<upstream, this>/dleaf}
     * into every leaf's gradient. Intermediate gradients live only for this call, so calling
     * backward again adds the same amount again.
     */
    public void backward(double[] upstream) {
        if (upstream.length != data.length) {
            throw new IllegalArgumentException("tiny: upstream of " + upstream.length + " values for shape "
                    + Arrays.toString(shape));
        }
        Map<Node, double[]> grads = new IdentityHashMap<>();
        grads.put(this, upstream.clone());
        for (Node node : reverseTopologicalOrder()) {
            double[] g = grads.get(node);
            if (g == null) {
                continue;
            }
            if (node.leaf) {
                if (node.requiresGrad) {
                    for (int i = 0; i < g.length; i++) {
                        node.grad[i] += g[i];
                    }
                }
                continue;
            }
            double[][] parentGrads = new double[node.parents.length][];
            for (int p = 0; p < node.parents.length; p++) {
                parentGrads[p] = grads.computeIfAbsent(node.parents[p], k -> new double[k.data.length]);
            }
            node.backward.apply(g, parentGrads);
        }
    }

    /** This node and everything it depends on, each after every node that uses it. */
    private List<Node> reverseTopologicalOrder() {
        List<Node> order = new ArrayList<>();
        Set<Node> visited = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Object[]> stack = new ArrayDeque<>();
        stack.push(new Object[] {this, 0});
        visited.add(this);
        while (!stack.isEmpty()) {
            Object[] top = stack.peek();
            Node node = (Node) top[0];
            int next = (Integer) top[1];
            if (next < node.parents.length) {
                top[1] = next + 1;
                Node parent = node.parents[next];
                if (visited.add(parent)) {
                    stack.push(new Object[] {parent, 0});
                }
            } else {
                stack.pop();
                order.add(node);
            }
        }
        java.util.Collections.reverse(order);
        return order;
    }

    // ---------------------------------------------------------------- shapes

    static int size(int[] shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    /** numpy broadcasting: align on the right, a dimension of 1 stretches. */
    static int[] broadcast(int[] a, int[] b) {
        int rank = Math.max(a.length, b.length);
        int[] out = new int[rank];
        for (int i = 1; i <= rank; i++) {
            int da = i <= a.length ? a[a.length - i] : 1;
            int db = i <= b.length ? b[b.length - i] : 1;
            if (da != db && da != 1 && db != 1) {
                throw new IllegalArgumentException("tiny: shapes do not broadcast: " + Arrays.toString(a) + " and "
                        + Arrays.toString(b));
            }
            out[rank - i] = da == 1 ? db : da;
        }
        return out;
    }

    /** The offset in a broadcast operand of shape {@code from} of the output element at {@code offset}. */
    static int sourceOffset(int offset, int[] out, int[] from) {
        int result = 0;
        int stride = 1;
        int rest = offset;
        for (int i = 1; i <= out.length; i++) {
            int index = rest % out[out.length - i];
            rest /= out[out.length - i];
            if (i <= from.length) {
                int d = from[from.length - i];
                result += (d == 1 ? 0 : index) * stride;
                stride *= d;
            }
        }
        return result;
    }
}
