package dev.gradproof.properties.engine;

import java.util.Arrays;

/**
 * A dense row-major array of doubles with a shape: how values, gradients and upstream gradients
 * cross the boundary between the contract kit and an autograd engine, so that an engine need not
 * know gradproof's own tensors.
 *
 * <p>Immutable: the constructor and the accessors copy. A shape of rank 0 ({@code new int[0]}) is
 * a scalar with one element. Equality is bitwise on the elements (as {@link Arrays#equals(double[],
 * double[])}: NaN equals NaN, 0.0 differs from -0.0).
 */
public final class DenseArray {

    private final double[] data;
    private final int[] shape;

    /**
     * @param data  the elements in row-major order
     * @param shape the dimensions; their product must equal {@code data.length}
     * @throws IllegalArgumentException naming the shape and the length when they disagree, or the
     *     index of a negative dimension
     */
    public DenseArray(double[] data, int[] shape) {
        long size = 1;
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] < 0) {
                throw new IllegalArgumentException("DenseArray: dimension " + i + " of shape "
                        + Arrays.toString(shape) + " is negative");
            }
            size *= shape[i];
        }
        if (size != data.length) {
            throw new IllegalArgumentException("DenseArray: " + data.length + " values do not fill shape "
                    + Arrays.toString(shape) + " of size " + size);
        }
        this.data = data.clone();
        this.shape = shape.clone();
    }

    /** A rank-0 array holding {@code value}. */
    public static DenseArray scalar(double value) {
        return new DenseArray(new double[] {value}, new int[0]);
    }

    /** An array of zeros of the given shape. */
    public static DenseArray zeros(int... shape) {
        long size = 1;
        for (int d : shape) {
            size *= d;
        }
        return new DenseArray(new double[(int) size], shape);
    }

    /** A copy of the elements, row-major. */
    public double[] data() {
        return data.clone();
    }

    /** A copy of the dimensions. */
    public int[] shape() {
        return shape.clone();
    }

    /** The number of elements. */
    public int size() {
        return data.length;
    }

    /** The element at a flat row-major offset. */
    public double get(int offset) {
        return data[offset];
    }

    /** The shape as numpy prints it, {@code [2, 3]}. */
    public String shapeString() {
        return Arrays.toString(shape);
    }

    /** True when the shapes are equal, dimension by dimension. */
    public boolean hasShape(int[] other) {
        return Arrays.equals(shape, other);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DenseArray other && Arrays.equals(shape, other.shape) && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
    }

    /** The shape, then the elements: {@code [2] [1.0, -0.5]}. */
    @Override
    public String toString() {
        return shapeString() + " " + Arrays.toString(data);
    }
}
