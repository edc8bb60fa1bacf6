package com.example.matrix;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/**
 * A 2-D matrix autograd engine, written for gradproof's examples: every value is a rows x cols
 * matrix, with its gradient, its parents and the step that passes its gradient back.
 *
 * <p>Limits (documented for the kit): matrices only (rank 2; the adapter holds scalars as 1 x 1 and
 * vectors as 1 x n); no empty matrices; elementwise ops broadcast a dimension of 1 only (no change of
 * rank); {@link #backward()} seeds ones into a 1 x 1 output and zeroes every gradient of the graph
 * first, so repeated backward calls give the same gradient (they do not accumulate).
 *
 * <p>The seeded bug, switched on by {@link #withSeededBug(boolean)}: the gradient of an operand
 * broadcast along its rows is the upstream's first row, where it must be the sum of all rows.
 */
public final class Mat {

    private static boolean seededBug;

    final int rows;
    final int cols;
    final double[] data;
    double[] grad;
    private final List<Mat> parents;
    private Runnable step = () -> { };

    private Mat(int rows, int cols, double[] data, List<Mat> parents) {
        if (rows < 1 || cols < 1 || data.length != rows * cols) {
            throw new IllegalArgumentException("Mat: " + data.length + " values for " + rows + " x " + cols);
        }
        this.rows = rows;
        this.cols = cols;
        this.data = data;
        this.grad = new double[data.length];
        this.parents = parents;
    }

    /** Switches the seeded bug on or off (for the example's seeded-bug test). */
    public static void withSeededBug(boolean on) {
        seededBug = on;
    }

    /** A leaf. */
    public static Mat of(int rows, int cols, double... data) {
        return new Mat(rows, cols, data.clone(), List.of());
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public double[] data() {
        return data.clone();
    }

    public double[] grad() {
        return grad.clone();
    }

    // ------------------------------------------------------------------ ops

    public Mat add(Mat b) {
        return broadcast(b, (x, y) -> x + y, (g, x, y) -> g, (g, x, y) -> g);
    }

    public Mat sub(Mat b) {
        return broadcast(b, (x, y) -> x - y, (g, x, y) -> g, (g, x, y) -> -g);
    }

    public Mat mul(Mat b) {
        return broadcast(b, (x, y) -> x * y, (g, x, y) -> g * y, (g, x, y) -> g * x);
    }

    public Mat matmul(Mat b) {
        if (cols != b.rows) {
            throw new IllegalArgumentException("matmul: " + rows + " x " + cols + " @ " + b.rows + " x " + b.cols);
        }
        double[] out = new double[rows * b.cols];
        product(data, rows, cols, false, b.data, b.cols, false, out);
        Mat o = new Mat(rows, b.cols, out, List.of(this, b));
        o.step = () -> {
            // dA = G B^T, dB = A^T G
            double[] da = new double[data.length];
            product(o.grad, rows, b.cols, false, b.data, cols, true, da);
            double[] db = new double[b.data.length];
            product(data, cols, rows, true, o.grad, b.cols, false, db);
            addInto(grad, da);
            addInto(b.grad, db);
        };
        return o;
    }

    public Mat transpose() {
        double[] out = new double[data.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                out[j * rows + i] = data[i * cols + j];
            }
        }
        Mat o = new Mat(cols, rows, out, List.of(this));
        o.step = () -> {
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    grad[i * cols + j] += o.grad[j * rows + i];
                }
            }
        };
        return o;
    }

    /** The sum of all elements, as a 1 x 1 matrix. */
    public Mat sum() {
        double total = 0;
        for (double v : data) {
            total += v;
        }
        Mat o = new Mat(1, 1, new double[] {total}, List.of(this));
        o.step = () -> {
            for (int i = 0; i < grad.length; i++) {
                grad[i] += o.grad[0];
            }
        };
        return o;
    }

    public Mat tanh() {
        Mat o = map(Math::tanh);
        o.step = () -> {
            for (int i = 0; i < grad.length; i++) {
                grad[i] += o.grad[i] * (1 - o.data[i] * o.data[i]);
            }
        };
        return o;
    }

    public Mat sigmoid() {
        Mat o = map(x -> 1 / (1 + Math.exp(-x)));
        o.step = () -> {
            for (int i = 0; i < grad.length; i++) {
                grad[i] += o.grad[i] * o.data[i] * (1 - o.data[i]);
            }
        };
        return o;
    }

    public Mat relu() {
        Mat o = map(x -> x > 0 ? x : 0);
        o.step = () -> {
            for (int i = 0; i < grad.length; i++) {
                grad[i] += data[i] > 0 ? o.grad[i] : 0;
            }
        };
        return o;
    }

    public Mat scale(double c) {
        Mat o = map(x -> c * x);
        o.step = () -> {
            for (int i = 0; i < grad.length; i++) {
                grad[i] += c * o.grad[i];
            }
        };
        return o;
    }

    // ------------------------------------------------------------------ backward

    /** Seeds 1 into this 1 x 1 matrix, after zeroing every gradient of its graph, and backpropagates. */
    public void backward() {
        if (rows != 1 || cols != 1) {
            throw new IllegalStateException("backward: needs a 1 x 1 output, got " + rows + " x " + cols);
        }
        List<Mat> order = topologicalOrder();
        for (Mat m : order) {
            Arrays.fill(m.grad, 0);
        }
        grad[0] = 1;
        for (int i = order.size() - 1; i >= 0; i--) {
            order.get(i).step.run();
        }
    }

    private List<Mat> topologicalOrder() {
        List<Mat> order = new ArrayList<>();
        Map<Mat, Boolean> seen = new IdentityHashMap<>();
        Deque<Mat> stack = new ArrayDeque<>();
        Deque<Integer> next = new ArrayDeque<>();
        seen.put(this, true);
        stack.push(this);
        next.push(0);
        while (!stack.isEmpty()) {
            Mat m = stack.peek();
            int k = next.pop();
            if (k < m.parents.size()) {
                next.push(k + 1);
                if (seen.put(m.parents.get(k), true) == null) {
                    stack.push(m.parents.get(k));
                    next.push(0);
                }
            } else {
                stack.pop();
                order.add(m);
            }
        }
        return order;
    }

    // ------------------------------------------------------------------ helpers

    private interface Local {
        double of(double g, double x, double y);
    }

    private Mat map(DoubleUnaryOperator f) {
        double[] out = new double[data.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = f.applyAsDouble(data[i]);
        }
        return new Mat(rows, cols, out, List.of(this));
    }

    /** An elementwise op where a dimension of 1 stretches to the other's size. */
    private Mat broadcast(Mat b, java.util.function.DoubleBinaryOperator f, Local da, Local db) {
        int r = stretch(rows, b.rows);
        int c = stretch(cols, b.cols);
        double[] out = new double[r * c];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                out[i * c + j] = f.applyAsDouble(at(i, j), b.at(i, j));
            }
        }
        Mat o = new Mat(r, c, out, List.of(this, b));
        o.step = () -> {
            for (int i = 0; i < r; i++) {
                for (int j = 0; j < c; j++) {
                    double g = o.grad[i * c + j];
                    accumulate(this, i, j, da.of(g, at(i, j), b.at(i, j)));
                    accumulate(b, i, j, db.of(g, at(i, j), b.at(i, j)));
                }
            }
        };
        return o;
    }

    /** Adds a contribution at output (i, j) into the element of {@code m} it was broadcast from. */
    private static void accumulate(Mat m, int i, int j, double g) {
        if (seededBug && m.rows == 1 && i > 0) {
            return; // the seeded bug: rows after the first are dropped instead of summed
        }
        m.grad[(m.rows == 1 ? 0 : i) * m.cols + (m.cols == 1 ? 0 : j)] += g;
    }

    private double at(int i, int j) {
        return data[(rows == 1 ? 0 : i) * cols + (cols == 1 ? 0 : j)];
    }

    private static int stretch(int a, int b) {
        if (a != b && a != 1 && b != 1) {
            throw new IllegalArgumentException("broadcast: dimensions " + a + " and " + b + " differ");
        }
        return Math.max(a, b);
    }

    private static void addInto(double[] target, double[] values) {
        for (int i = 0; i < target.length; i++) {
            target[i] += values[i];
        }
    }

    /** out = op(a) op(b), where a is m x k (or its transpose) and b is k x n (or its transpose). */
    private static void product(double[] a, int m, int k, boolean aTransposed, double[] b, int n, boolean bTransposed,
                                double[] out) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    double x = aTransposed ? a[p * m + i] : a[i * k + p];
                    double y = bTransposed ? b[j * k + p] : b[p * n + j];
                    s += x * y;
                }
                out[i * n + j] = s;
            }
        }
    }
}
