package com.example.ndarray;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/**
 * An N-d array autograd engine without broadcasting, written for gradproof's examples: a value is a
 * row-major array of any rank with its gradient, parents and backward step.
 *
 * <p>Limits (documented for the kit): elementwise binary ops need equal shapes (no broadcasting);
 * matmul takes matrices only; transpose reverses the axes; {@link #backward()} works from a scalar
 * output only and seeds 1 (no upstream gradient); leaf gradients accumulate over repeated calls.
 *
 * <p>The seeded bug, switched on by {@link #withSeededBug(boolean)}: the gradient of a quotient
 * a / b with respect to b is {@code -g a / b} where it must be {@code -g a / b^2}.
 */
public final class Nd {

    private static boolean seededBug;

    private final int[] shape;
    private final double[] data;
    private double[] grad;
    private final List<Nd> parents;
    private Runnable step = () -> { };

    private Nd(int[] shape, double[] data, List<Nd> parents) {
        if (size(shape) != data.length) {
            throw new IllegalArgumentException("Nd: " + data.length + " values for shape " + Arrays.toString(shape));
        }
        this.shape = shape.clone();
        this.data = data;
        this.grad = new double[data.length];
        this.parents = parents;
    }

    /** Switches the seeded bug on or off (for the example's seeded-bug test). */
    public static void withSeededBug(boolean on) {
        seededBug = on;
    }

    /** A leaf. */
    public static Nd of(int[] shape, double[] data) {
        return new Nd(shape, data.clone(), List.of());
    }

    public int[] shape() {
        return shape.clone();
    }

    public double[] data() {
        return data.clone();
    }

    public double[] grad() {
        return grad.clone();
    }

    // ------------------------------------------------------------------ elementwise

    public Nd add(Nd b) {
        Nd o = zip(b, Double::sum);
        o.step = () -> each(i -> {
            grad[i] += o.grad[i];
            b.grad[i] += o.grad[i];
        });
        return o;
    }

    public Nd sub(Nd b) {
        Nd o = zip(b, (x, y) -> x - y);
        o.step = () -> each(i -> {
            grad[i] += o.grad[i];
            b.grad[i] -= o.grad[i];
        });
        return o;
    }

    public Nd mul(Nd b) {
        Nd o = zip(b, (x, y) -> x * y);
        o.step = () -> each(i -> {
            grad[i] += o.grad[i] * b.data[i];
            b.grad[i] += o.grad[i] * data[i];
        });
        return o;
    }

    public Nd div(Nd b) {
        Nd o = zip(b, (x, y) -> x / y);
        o.step = () -> each(i -> {
            grad[i] += o.grad[i] / b.data[i];
            double denominator = seededBug ? b.data[i] : b.data[i] * b.data[i];
            b.grad[i] -= o.grad[i] * data[i] / denominator;
        });
        return o;
    }

    public Nd neg() {
        return unary(x -> -x, (x, y) -> -1);
    }

    public Nd exp() {
        return unary(Math::exp, (x, y) -> y);
    }

    public Nd log() {
        return unary(Math::log, (x, y) -> 1 / x);
    }

    public Nd tanh() {
        return unary(Math::tanh, (x, y) -> 1 - y * y);
    }

    public Nd relu() {
        return unary(x -> x > 0 ? x : 0, (x, y) -> x > 0 ? 1 : 0);
    }

    public Nd square() {
        return unary(x -> x * x, (x, y) -> 2 * x);
    }

    public Nd sqrt() {
        return unary(Math::sqrt, (x, y) -> 0.5 / y);
    }

    public Nd plus(double c) {
        return unary(x -> x + c, (x, y) -> 1);
    }

    public Nd times(double c) {
        return unary(x -> c * x, (x, y) -> c);
    }

    // ------------------------------------------------------------------ shapes and reductions

    /** The sum of all elements, a scalar (rank 0). */
    public Nd sum() {
        double total = 0;
        for (double v : data) {
            total += v;
        }
        Nd o = new Nd(new int[0], new double[] {total}, List.of(this));
        o.step = () -> each(i -> grad[i] += o.grad[0]);
        return o;
    }

    /** The sum along one axis, which is dropped or kept with size 1. */
    public Nd sumAxis(int axis, boolean keepDims) {
        int outer = size(Arrays.copyOfRange(shape, 0, axis));
        int n = shape[axis];
        int inner = size(Arrays.copyOfRange(shape, axis + 1, shape.length));
        double[] out = new double[outer * inner];
        for (int o = 0; o < outer; o++) {
            for (int k = 0; k < n; k++) {
                for (int i = 0; i < inner; i++) {
                    out[o * inner + i] += data[(o * n + k) * inner + i];
                }
            }
        }
        int[] outShape;
        if (keepDims) {
            outShape = shape.clone();
            outShape[axis] = 1;
        } else {
            outShape = new int[shape.length - 1];
            for (int d = 0, j = 0; d < shape.length; d++) {
                if (d != axis) {
                    outShape[j++] = shape[d];
                }
            }
        }
        Nd result = new Nd(outShape, out, List.of(this));
        result.step = () -> {
            for (int o = 0; o < outer; o++) {
                for (int k = 0; k < n; k++) {
                    for (int i = 0; i < inner; i++) {
                        grad[(o * n + k) * inner + i] += result.grad[o * inner + i];
                    }
                }
            }
        };
        return result;
    }

    public Nd reshape(int... newShape) {
        Nd o = new Nd(newShape, data.clone(), List.of(this));
        o.step = () -> each(i -> grad[i] += o.grad[i]);
        return o;
    }

    /** The axes reversed. */
    public Nd transpose() {
        int rank = shape.length;
        int[] reversed = new int[rank];
        for (int d = 0; d < rank; d++) {
            reversed[d] = shape[rank - 1 - d];
        }
        int[] map = new int[data.length];
        double[] out = new double[data.length];
        int[] index = new int[rank];
        for (int flat = 0; flat < data.length; flat++) {
            // index of flat in this shape; its image has the index reversed
            int rest = flat;
            for (int d = rank - 1; d >= 0; d--) {
                index[d] = rest % shape[d];
                rest /= shape[d];
            }
            int target = 0;
            for (int d = 0; d < rank; d++) {
                target = target * reversed[d] + index[rank - 1 - d];
            }
            map[flat] = target;
            out[target] = data[flat];
        }
        Nd o = new Nd(reversed, out, List.of(this));
        o.step = () -> each(i -> grad[i] += o.grad[map[i]]);
        return o;
    }

    public Nd matmul(Nd b) {
        if (shape.length != 2 || b.shape.length != 2 || shape[1] != b.shape[0]) {
            throw new IllegalArgumentException("matmul: " + Arrays.toString(shape) + " @ " + Arrays.toString(b.shape));
        }
        int m = shape[0];
        int k = shape[1];
        int n = b.shape[1];
        double[] out = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    s += data[i * k + p] * b.data[p * n + j];
                }
                out[i * n + j] = s;
            }
        }
        Nd o = new Nd(new int[] {m, n}, out, List.of(this, b));
        o.step = () -> {
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double g = o.grad[i * n + j];
                    for (int p = 0; p < k; p++) {
                        grad[i * k + p] += g * b.data[p * n + j];
                        b.grad[p * n + j] += g * data[i * k + p];
                    }
                }
            }
        };
        return o;
    }

    // ------------------------------------------------------------------ backward

    /** Seeds 1 into this scalar and backpropagates; leaf gradients accumulate, intermediate ones are reset first. */
    public void backward() {
        if (data.length != 1) {
            throw new IllegalStateException("backward: needs a scalar output, got shape " + Arrays.toString(shape));
        }
        List<Nd> order = new ArrayList<>();
        Map<Nd, Boolean> seen = new IdentityHashMap<>();
        Deque<Nd> stack = new ArrayDeque<>();
        Deque<Integer> next = new ArrayDeque<>();
        seen.put(this, true);
        stack.push(this);
        next.push(0);
        while (!stack.isEmpty()) {
            Nd v = stack.peek();
            int k = next.pop();
            if (k < v.parents.size()) {
                next.push(k + 1);
                if (seen.put(v.parents.get(k), true) == null) {
                    stack.push(v.parents.get(k));
                    next.push(0);
                }
            } else {
                stack.pop();
                order.add(v);
            }
        }
        for (Nd v : order) {
            if (!v.parents.isEmpty()) {
                Arrays.fill(v.grad, 0);
            }
        }
        grad[0] += 1;
        for (int i = order.size() - 1; i >= 0; i--) {
            order.get(i).step.run();
        }
    }

    // ------------------------------------------------------------------ helpers

    private interface Derivative {
        double at(double x, double y);
    }

    private Nd unary(DoubleUnaryOperator f, Derivative df) {
        double[] out = new double[data.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = f.applyAsDouble(data[i]);
        }
        Nd o = new Nd(shape, out, List.of(this));
        o.step = () -> each(i -> grad[i] += o.grad[i] * df.at(data[i], o.data[i]));
        return o;
    }

    private Nd zip(Nd b, java.util.function.DoubleBinaryOperator f) {
        if (!Arrays.equals(shape, b.shape)) {
            throw new IllegalArgumentException("shapes differ: " + Arrays.toString(shape) + " and "
                    + Arrays.toString(b.shape) + " (this engine does not broadcast)");
        }
        double[] out = new double[data.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = f.applyAsDouble(data[i], b.data[i]);
        }
        return new Nd(shape, out, List.of(this, b));
    }

    private void each(java.util.function.IntConsumer body) {
        for (int i = 0; i < data.length; i++) {
            body.accept(i);
        }
    }

    private static int size(int[] shape) {
        int size = 1;
        for (int d : shape) {
            size *= d;
        }
        return size;
    }
}
