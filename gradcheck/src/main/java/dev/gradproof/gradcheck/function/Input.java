package dev.gradproof.gradcheck.function;

import java.util.Arrays;

/**
 * One argument of a function under check: a name, a shape and the values (row-major), in plain
 * arrays, so that any engine can describe its inputs. Immutable: factories and accessors copy, but for
 * {@link #valuesView()}, which the checker reads without a copy.
 */
public final class Input {

    private final String name;
    private final int[] shape;
    private final double[] values;

    private Input(String name, int[] shape, double[] values) {
        this.name = name;
        this.shape = shape;
        this.values = values;
    }

    /**
     * An input of any shape.
     *
     * @param values row-major; copied
     * @param shape  the dimensions; none for a scalar
     * @throws IllegalArgumentException naming the input when the values do not fill the shape
     */
    public static Input of(String name, double[] values, int... shape) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("input: a name is required");
        }
        if (values == null) {
            throw new IllegalArgumentException("input \"" + name + "\": values are null");
        }
        long size = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("input \"" + name + "\": negative dimension in shape "
                        + Arrays.toString(shape));
            }
            size *= d;
        }
        if (size != values.length) {
            throw new IllegalArgumentException("input \"" + name + "\": " + values.length
                    + " values do not fill shape " + Arrays.toString(shape) + " of size " + size);
        }
        return new Input(name, shape.clone(), values.clone());
    }

    /** A scalar input. */
    public static Input scalar(String name, double value) {
        return of(name, new double[] {value});
    }

    /** A vector input. */
    public static Input vector(String name, double... values) {
        return of(name, values, values.length);
    }

    /**
     * A matrix input from rows.
     *
     * @throws IllegalArgumentException naming the input and the row when the rows are ragged
     */
    public static Input matrix(String name, double[][] rows) {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        double[] flat = new double[rows.length * cols];
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length != cols) {
                throw new IllegalArgumentException("input \"" + name + "\": row " + r + " has " + rows[r].length
                        + " values but row 0 has " + cols);
            }
            System.arraycopy(rows[r], 0, flat, r * cols, cols);
        }
        return new Input(name, new int[] {rows.length, cols}, flat);
    }

    /** The name. */
    public String name() {
        return name;
    }

    /** The dimensions (a copy). */
    public int[] shape() {
        return shape.clone();
    }

    /** The number of elements. */
    public int size() {
        return values.length;
    }

    /** The values, row-major (a copy). */
    public double[] values() {
        return values.clone();
    }

    /**
     * The values themselves, not a copy, for the checker, which only reads them (an input of
     * 10,000,000 elements is 80 MB a copy). Never write to this array: inputs never change.
     */
    public double[] valuesView() {
        return values;
    }

    /** The multi-index of a row-major offset. */
    public int[] index(int flat) {
        return indexOf(shape, flat);
    }

    /** The shape as printed in messages: {@code [2, 3]}, {@code []} for a scalar. */
    public String shapeText() {
        return Arrays.toString(shape);
    }

    /** The multi-index of a row-major offset in a shape. */
    public static int[] indexOf(int[] shape, int flat) {
        int[] index = new int[shape.length];
        for (int i = shape.length - 1; i >= 0; i--) {
            index[i] = flat % shape[i];
            flat /= shape[i];
        }
        return index;
    }

    @Override
    public String toString() {
        return name + shapeText();
    }
}
