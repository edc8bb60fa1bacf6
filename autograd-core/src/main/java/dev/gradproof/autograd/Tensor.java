package dev.gradproof.autograd;

import dev.gradproof.autograd.kernel.BroadcastKernels;
import dev.gradproof.autograd.kernel.ElementwiseKernels;
import dev.gradproof.autograd.kernel.MatMulKernel;
import dev.gradproof.autograd.kernel.PermuteKernel;

import java.lang.reflect.Array;
import java.util.Arrays;
import java.util.Random;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * An immutable dense tensor of doubles of any rank, scalars (rank 0) included, stored as one
 * contiguous row-major {@code double[]}.
 *
 * <p>Tensors are plain values: no graph, no gradient. {@link Variable} wraps a tensor to make it a
 * node of a computational graph. The arithmetic here is what the ops' forward passes compute;
 * elementwise binary operations follow numpy broadcasting and fail with both shapes named when
 * the shapes do not broadcast.
 *
 * <p>Every factory but {@link #wrap} copies the caller's array, and every accessor that returns an
 * array but {@link #data()} returns a copy, so a tensor can never change after it is made.
 */
public final class Tensor {

    private final Shape shape;
    private final double[] data;

    /** Takes ownership of {@code data}; callers in this package pass arrays nobody else holds. */
    private Tensor(Shape shape, double[] data) {
        this.shape = shape;
        this.data = data;
    }

    /**
     * A tensor over {@code data} itself, without a copy, for callers that hand over an array nobody
     * will write again (gradcheck wraps the points it evaluates a function at, which can be as large
     * as the heap allows only a few copies of). The caller must not modify {@code data} while the
     * tensor lives: a tensor must never change. Every other factory copies.
     *
     * @throws IllegalArgumentException if the number of values does not match the shape
     */
    public static Tensor wrap(Shape shape, double[] data) {
        checkFills("Tensor.wrap", data, shape);
        return new Tensor(shape, data);
    }

    private static void checkFills(String factory, double[] data, Shape shape) {
        if (data.length != shape.size()) {
            throw new IllegalArgumentException(factory + ": " + data.length
                    + " values do not fill shape " + shape + " of size " + shape.size());
        }
    }

    // ------------------------------------------------------------------ factories

    /** A rank-0 tensor holding {@code value}. */
    public static Tensor scalar(double value) {
        return new Tensor(Shape.SCALAR, new double[] {value});
    }

    /** A rank-1 tensor of the given values. */
    public static Tensor vector(double... values) {
        return new Tensor(Shape.of(values.length), values.clone());
    }

    /**
     * A tensor of the given shape over a copy of {@code data}, in row-major order.
     *
     * @throws IllegalArgumentException if the number of values does not match the shape
     */
    public static Tensor of(double[] data, int... shape) {
        return of(data, Shape.of(shape));
    }

    /** As {@link #of(double[], int...)}, with a {@link Shape}. */
    public static Tensor of(double[] data, Shape shape) {
        checkFills("Tensor.of", data, shape);
        return new Tensor(shape, data.clone());
    }

    /** A matrix from rows, which must all have the same length. */
    public static Tensor matrix(double[][] rows) {
        return fromNested(rows);
    }

    /**
     * A tensor from nested arrays of any depth ({@code double}, {@code double[]},
     * {@code double[][]}, {@code double[][][]}, ...). The nesting must be rectangular.
     *
     * @throws IllegalArgumentException naming the path to a ragged or non-double element
     */
    public static Tensor fromNested(Object nested) {
        if (nested instanceof Number number) {
            return scalar(number.doubleValue());
        }
        if (nested == null || !nested.getClass().isArray()) {
            throw new IllegalArgumentException(
                    "Tensor.fromNested: expected a double or a nested double array, got " + nested);
        }
        int depth = 0;
        for (Class<?> c = nested.getClass(); c.isArray(); c = c.getComponentType()) {
            depth++;
        }
        int[] dims = new int[depth];
        Object level = nested;
        for (int i = 0; i < depth; i++) {
            if (level == null) {
                throw new IllegalArgumentException("Tensor.fromNested: element" + "[0]".repeat(i) + " is null");
            }
            dims[i] = Array.getLength(level);
            if (dims[i] == 0) {
                break;
            }
            level = Array.get(level, 0);
        }
        Shape shape = Shape.of(dims);
        double[] data = new double[shape.size()];
        int[] filled = {0};
        copyNested(nested, dims, 0, "", data, filled);
        return new Tensor(shape, data);
    }

    private static void copyNested(Object level, int[] dims, int axis, String path,
                                   double[] out, int[] filled) {
        if (level == null) {
            throw new IllegalArgumentException("Tensor.fromNested: element" + path + " is null");
        }
        if (!level.getClass().isArray()) {
            throw new IllegalArgumentException("Tensor.fromNested: element" + path + " is not an array");
        }
        int length = Array.getLength(level);
        if (length != dims[axis]) {
            throw new IllegalArgumentException("Tensor.fromNested: ragged array: element" + path
                    + " has length " + length + " but expected " + dims[axis]);
        }
        if (axis == dims.length - 1) {
            if (!(level instanceof double[] row)) {
                throw new IllegalArgumentException(
                        "Tensor.fromNested: element" + path + " is not a double[]");
            }
            System.arraycopy(row, 0, out, filled[0], length);
            filled[0] += length;
            return;
        }
        for (int i = 0; i < length; i++) {
            copyNested(Array.get(level, i), dims, axis + 1, path + "[" + i + "]", out, filled);
        }
    }

    /** A tensor of zeros. */
    public static Tensor zeros(int... shape) {
        return zeros(Shape.of(shape));
    }

    /** A tensor of zeros. */
    public static Tensor zeros(Shape shape) {
        return new Tensor(shape, new double[shape.size()]);
    }

    /** A tensor of ones. */
    public static Tensor ones(int... shape) {
        return full(Shape.of(shape), 1.0);
    }

    /** A tensor of ones. */
    public static Tensor ones(Shape shape) {
        return full(shape, 1.0);
    }

    /** A tensor with every element equal to {@code value}. */
    public static Tensor full(Shape shape, double value) {
        double[] data = new double[shape.size()];
        Arrays.fill(data, value);
        return new Tensor(shape, data);
    }

    /** Standard normal samples, from {@code new Random(seed)}: the same seed gives the same tensor. */
    public static Tensor randn(long seed, int... shape) {
        return randn(new Random(seed), shape);
    }

    /** Standard normal samples drawn from {@code random}. */
    public static Tensor randn(Random random, int... shape) {
        Shape s = Shape.of(shape);
        double[] data = new double[s.size()];
        for (int i = 0; i < data.length; i++) {
            data[i] = random.nextGaussian();
        }
        return new Tensor(s, data);
    }

    /** Uniform samples in {@code [low, high)}, from {@code new Random(seed)}. */
    public static Tensor uniform(long seed, double low, double high, int... shape) {
        return uniform(new Random(seed), low, high, shape);
    }

    /** Uniform samples in {@code [low, high)} drawn from {@code random}. */
    public static Tensor uniform(Random random, double low, double high, int... shape) {
        if (!(low < high)) {
            throw new IllegalArgumentException("Tensor.uniform: low " + low + " must be below high " + high);
        }
        Shape s = Shape.of(shape);
        double[] data = new double[s.size()];
        for (int i = 0; i < data.length; i++) {
            data[i] = low + (high - low) * random.nextDouble();
        }
        return new Tensor(s, data);
    }

    // ------------------------------------------------------------------ queries

    /** The shape. */
    public Shape shape() {
        return shape;
    }

    /** A copy of the dimensions. */
    public int[] dims() {
        return shape.dims();
    }

    /** Number of dimensions. */
    public int rank() {
        return shape.rank();
    }

    /** Number of elements. */
    public int size() {
        return shape.size();
    }

    /** The element at a multi-index. */
    public double get(int... index) {
        return data[shape.offset(index)];
    }

    /** The element at a flat row-major offset. */
    public double getFlat(int offset) {
        return data[shape.checkedOffset(offset)];
    }

    /**
     * The single value of a tensor with one element (a scalar, or any shape of size 1).
     *
     * @throws IllegalStateException naming the shape otherwise
     */
    public double item() {
        if (data.length != 1) {
            throw new IllegalStateException("item: tensor of shape " + shape + " has "
                    + data.length + " elements, not 1");
        }
        return data[0];
    }

    /** A copy of the elements in row-major order. */
    public double[] toArray() {
        return data.clone();
    }

    /**
     * The elements themselves, without a copy, for kernels and for callers that read a large tensor
     * once (gradcheck reading a function's value of 10,000,000 elements). Never write to it: a tensor
     * must never change; {@link #toArray()} gives a copy to keep or change.
     */
    public double[] data() {
        return data;
    }

    /** A copy of this tensor with the element at a flat row-major offset replaced (tensors never change). */
    public Tensor withFlat(int offset, double value) {
        double[] copy = data.clone();
        copy[shape.checkedOffset(offset)] = value;
        return new Tensor(shape, copy);
    }

    // ------------------------------------------------------------------ arithmetic for forward passes

    /** Applies {@code f} to every element. */
    public Tensor map(DoubleUnaryOperator f) {
        double[] out = new double[data.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = f.applyAsDouble(data[i]);
        }
        return new Tensor(shape, out);
    }

    /**
     * Combines this tensor with {@code other} element by element under numpy broadcasting.
     *
     * @param op the operation's name, used in the error when the shapes do not broadcast
     */
    public Tensor zip(Tensor other, String op, DoubleBinaryOperator f) {
        Shape out = Shape.broadcast(shape, other.shape, op);
        double[] result = new double[out.size()];
        BroadcastKernels.zip(data, shape.dims(), other.data, other.shape.dims(), result, out.dims(), f);
        return new Tensor(out, result);
    }

    /** Elementwise sum with broadcasting. */
    public Tensor plus(Tensor other) {
        if (shape.equals(other.shape)) {
            double[] out = new double[data.length];
            ElementwiseKernels.add(data, other.data, out);
            return new Tensor(shape, out);
        }
        return zip(other, "add", Double::sum);
    }

    /** Elementwise difference with broadcasting. */
    public Tensor minus(Tensor other) {
        if (shape.equals(other.shape)) {
            double[] out = new double[data.length];
            ElementwiseKernels.subtract(data, other.data, out);
            return new Tensor(shape, out);
        }
        return zip(other, "sub", (a, b) -> a - b);
    }

    /** Elementwise product with broadcasting. */
    public Tensor times(Tensor other) {
        if (shape.equals(other.shape)) {
            double[] out = new double[data.length];
            ElementwiseKernels.multiply(data, other.data, out);
            return new Tensor(shape, out);
        }
        return zip(other, "mul", (a, b) -> a * b);
    }

    /**
     * {@code this - factor * other}, elementwise with broadcasting: a gradient-descent update,
     * {@code w - learningRate * grad}. Bit for bit {@code minus(other.times(factor))} (each product
     * rounded, then each difference), but for operands of one shape in a single pass and a single
     * new array, where the two calls make two.
     */
    public Tensor minusScaled(Tensor other, double factor) {
        if (shape.equals(other.shape)) {
            double[] out = new double[data.length];
            ElementwiseKernels.subtractScaled(data, other.data, factor, out);
            return new Tensor(shape, out);
        }
        return minus(other.times(factor));
    }

    /** Every element multiplied by {@code factor}. */
    public Tensor times(double factor) {
        double[] out = new double[data.length];
        ElementwiseKernels.scale(data, factor, out);
        return new Tensor(shape, out);
    }

    /** The sum of all elements, as a scalar tensor (0 for an empty tensor). */
    public Tensor sum() {
        return reduceTo(Shape.SCALAR);
    }

    /** The sum of all elements as a double. */
    public double sumAsDouble() {
        double s = 0;
        for (double v : data) {
            s += v;
        }
        return s;
    }

    /**
     * Sums along {@code axis} (negative counts from the end); with {@code keepDims} the axis stays
     * with size 1, as in numpy.
     */
    public Tensor sum(int axis, boolean keepDims) {
        shape.normalizeAxis(axis, "sum");
        Shape kept = shape.reduce(axis, true);
        Tensor reduced = reduceTo(kept);
        return keepDims ? reduced : reduced.reshape(shape.reduce(axis, false));
    }

    /** The maximum along {@code axis}; an empty axis gives negative infinity. */
    public Tensor max(int axis, boolean keepDims) {
        shape.normalizeAxis(axis, "max");
        Shape kept = shape.reduce(axis, true);
        double[] out = new double[kept.size()];
        BroadcastKernels.reduceTo(data, shape.dims(), out, kept.dims(),
                Double.NEGATIVE_INFINITY, (acc, v) -> v > acc || Double.isNaN(v) ? v : acc);
        Tensor reduced = new Tensor(kept, out);
        return keepDims ? reduced : reduced.reshape(shape.reduce(axis, false));
    }

    /**
     * Sums this tensor down to {@code target}, which must broadcast to this shape: the reverse of
     * {@link #broadcastTo(Shape)}, and what backward does to undo broadcasting.
     *
     * @throws IllegalArgumentException naming both shapes if {@code target} does not broadcast here
     */
    public Tensor reduceTo(Shape target) {
        if (target.equals(shape)) {
            return this;
        }
        if (!target.broadcastsTo(shape)) {
            throw new IllegalArgumentException(
                    "sumToShape: shape " + target + " does not broadcast to " + shape);
        }
        double[] out = new double[target.size()];
        BroadcastKernels.reduceTo(data, shape.dims(), out, target.dims(), 0.0, Double::sum);
        return new Tensor(target, out);
    }

    /**
     * This tensor repeated along broadcast dimensions to {@code target}.
     *
     * @throws IllegalArgumentException naming both shapes when this shape does not broadcast
     */
    public Tensor broadcastTo(Shape target) {
        if (target.equals(shape)) {
            return this;
        }
        if (!shape.broadcastsTo(target)) {
            throw new IllegalArgumentException(
                    "broadcastTo: shape " + shape + " does not broadcast to " + target);
        }
        double[] out = new double[target.size()];
        BroadcastKernels.zip(data, shape.dims(), new double[] {0.0}, new int[0], out, target.dims(),
                (a, ignored) -> a);
        return new Tensor(target, out);
    }

    /**
     * The same elements with another shape of the same size.
     *
     * @throws IllegalArgumentException naming both shapes when the sizes differ
     */
    public Tensor reshape(Shape target) {
        if (target.size() != shape.size()) {
            throw new IllegalArgumentException("reshape: cannot reshape " + shape + " (size "
                    + shape.size() + ") to " + target + " (size " + target.size() + ")");
        }
        return new Tensor(target, data);
    }

    /**
     * Reorders the axes: output axis {@code i} is input axis {@code axes[i]}.
     *
     * @throws IllegalArgumentException if {@code axes} is not a permutation of the axes
     */
    public Tensor permute(int... axes) {
        int rank = shape.rank();
        if (axes.length != rank) {
            throw new IllegalArgumentException("permute: axes " + Arrays.toString(axes)
                    + " do not match shape " + shape + " of rank " + rank);
        }
        boolean[] seen = new boolean[rank];
        int[] dims = shape.dims();
        int[] outDims = new int[rank];
        for (int i = 0; i < rank; i++) {
            int a = axes[i];
            if (a < 0 || a >= rank || seen[a]) {
                throw new IllegalArgumentException("permute: axes " + Arrays.toString(axes)
                        + " are not a permutation of the axes of " + shape);
            }
            seen[a] = true;
            outDims[i] = dims[a];
        }
        double[] out = new double[data.length];
        PermuteKernel.permute(data, dims, axes, out);
        return new Tensor(Shape.of(outDims), out);
    }

    /**
     * The matrix product: {@code [m, k] @ [k, n] = [m, n]}, or a batch of them, {@code [B, m, k] @ [k, n]}
     * (one right-hand matrix for every batch element) and {@code [B, m, k] @ [B, k, n]} (one each),
     * both {@code [B, m, n]}.
     *
     * @throws IllegalArgumentException naming both shapes when the ranks, the inner dimensions or
     *     the batch sizes do not fit
     */
    public Tensor matmul(Tensor other) {
        int rank = rank();
        boolean fits = rank == 2 && other.rank() == 2 || rank == 3 && (other.rank() == 2 || other.rank() == 3);
        if (!fits) {
            throw new IllegalArgumentException("matmul: expected [m, k] @ [k, n], [B, m, k] @ [k, n] or [B, m, k] @ [B, k, n], got "
                    + shape + " @ " + other.shape);
        }
        int m = shape.dim(rank - 2);
        int k = shape.dim(rank - 1);
        int n = other.shape.dim(other.rank() - 1);
        if (other.shape.dim(other.rank() - 2) != k) {
            throw new IllegalArgumentException("matmul: inner dimensions differ: " + shape + " @ " + other.shape);
        }
        if (rank == 2) {
            return matrixProduct(m, n, out -> MatMulKernel.matmul(data, other.data, out, m, k, n));
        }
        int batch = shape.dim(0);
        if (other.rank() == 3 && other.shape.dim(0) != batch) {
            throw new IllegalArgumentException("matmul: batch sizes differ: " + shape + " @ " + other.shape);
        }
        double[] out = new double[batch * m * n];
        for (int b = 0; b < batch; b++) {
            MatMulKernel.matmul(data, b * m * k, other.data, other.rank() == 3 ? b * k * n : 0, out, b * m * n, m, k, n);
        }
        return new Tensor(Shape.of(batch, m, n), out);
    }

    /**
     * {@code this^T @ other} for matrices {@code this} of {@code k x m} and {@code other} of
     * {@code k x n}, without forming the transpose: the gradient {@code x^T dL/dy} of matmul's right
     * operand. Shapes are the caller's (matmul's backward) to get right.
     */
    Tensor transposedMatmul(Tensor other) {
        int k = shape.dim(0);
        int m = shape.dim(1);
        int n = other.shape.dim(1);
        return matrixProduct(m, n, out -> MatMulKernel.matmulTransposedA(data, other.data, out, m, k, n));
    }

    /**
     * {@code this @ other^T} for matrices {@code this} of {@code m x k} and {@code other} of
     * {@code n x k}, without forming the transpose: the gradient {@code dL/dy w^T} of matmul's left
     * operand.
     */
    Tensor matmulTransposed(Tensor other) {
        int m = shape.dim(0);
        int k = shape.dim(1);
        int n = other.shape.dim(0);
        return matrixProduct(m, n, out -> MatMulKernel.matmulTransposedB(data, other.data, out, m, k, n));
    }

    /** An {@code m x n} matrix whose elements {@code kernel} writes into a fresh array. */
    private static Tensor matrixProduct(int m, int n, java.util.function.Consumer<double[]> kernel) {
        double[] out = new double[m * n];
        kernel.accept(out);
        return new Tensor(Shape.of(m, n), out);
    }

    // ------------------------------------------------------------------ comparison and printing

    /** True if any element is NaN. */
    public boolean hasNaN() {
        for (double v : data) {
            if (Double.isNaN(v)) {
                return true;
            }
        }
        return false;
    }

    /** Same shape and bitwise-equal elements (NaN equals NaN, 0.0 differs from -0.0). */
    @Override
    public boolean equals(Object o) {
        return o instanceof Tensor other && shape.equals(other.shape) && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
        return 31 * shape.hashCode() + Arrays.hashCode(data);
    }

    /** numpy-like nested brackets, e.g. {@code [[1.0, 2.0], [3.0, 4.0]]}; a scalar prints its value. */
    @Override
    public String toString() {
        if (shape.isScalar()) {
            return Double.toString(data[0]);
        }
        StringBuilder sb = new StringBuilder();
        appendNested(sb, 0, 0);
        return sb.toString();
    }

    private int appendNested(StringBuilder sb, int axis, int offset) {
        int n = shape.dim(axis);
        sb.append('[');
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            if (axis == shape.rank() - 1) {
                sb.append(data[offset++]);
            } else {
                offset = appendNested(sb, axis + 1, offset);
            }
        }
        sb.append(']');
        return offset;
    }
}
