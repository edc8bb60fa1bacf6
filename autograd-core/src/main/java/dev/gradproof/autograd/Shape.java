package dev.gradproof.autograd;

import dev.gradproof.autograd.kernel.BroadcastKernels;

import java.util.Arrays;

/**
 * The shape of a dense tensor: an immutable list of non-negative dimensions, row-major.
 *
 * <p>A shape of rank 0 is a scalar (one element). Dimensions of size zero are legal and give a
 * tensor with no elements. Shapes print as numpy does, {@code [2, 3]}, so that error messages read
 * like the lecture notes: {@code "matmul: inner dimensions differ: [2, 3] @ [4, 5]"}.
 */
public final class Shape {

    /** The shape of a scalar, rank 0. */
    public static final Shape SCALAR = new Shape(new int[0]);

    private final int[] dims;
    private final int size;

    private Shape(int[] dims) {
        this.dims = dims;
        long n = 1;
        for (int d : dims) {
            n *= d;
            if (n > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(
                        "shape " + Arrays.toString(dims) + " has more than 2^31-1 elements");
            }
        }
        this.size = (int) n;
    }

    /**
     * A shape with the given dimensions.
     *
     * @throws IllegalArgumentException naming the index of a negative dimension
     */
    public static Shape of(int... dims) {
        for (int i = 0; i < dims.length; i++) {
            if (dims[i] < 0) {
                throw new IllegalArgumentException(
                        "shape " + Arrays.toString(dims) + ": dimension " + i + " is negative");
            }
        }
        return dims.length == 0 ? SCALAR : new Shape(dims.clone());
    }

    /** Number of dimensions; 0 for a scalar. */
    public int rank() {
        return dims.length;
    }

    /** Number of elements: the product of the dimensions (1 for a scalar, 0 if any dimension is 0). */
    public int size() {
        return size;
    }

    /** The size of dimension {@code axis}; negative axes count from the end, as in numpy. */
    public int dim(int axis) {
        return dims[normalizeAxis(axis, "dim")];
    }

    /** A copy of the dimensions. */
    public int[] dims() {
        return dims.clone();
    }

    /** True for rank 0. */
    public boolean isScalar() {
        return dims.length == 0;
    }

    /** Row-major strides: the distance in the flat array between neighbours along each axis. */
    public int[] strides() {
        return BroadcastKernels.broadcastStrides(dims, dims);
    }

    /**
     * The flat row-major offset of a multi-index.
     *
     * @throws IndexOutOfBoundsException naming the index, the shape and the offending axis
     */
    public int offset(int... index) {
        if (index.length != dims.length) {
            throw new IndexOutOfBoundsException("index " + Arrays.toString(index) + " has rank "
                    + index.length + " but shape " + this + " has rank " + dims.length);
        }
        int offset = 0;
        for (int i = 0; i < dims.length; i++) {
            if (index[i] < 0 || index[i] >= dims[i]) {
                throw new IndexOutOfBoundsException("index " + Arrays.toString(index)
                        + " is out of bounds for shape " + this + " at axis " + i);
            }
            offset = offset * dims[i] + index[i];
        }
        return offset;
    }

    /** The multi-index of a flat row-major offset; the inverse of {@link #offset(int...)}. */
    public int[] index(int offset) {
        checkedOffset(offset);
        int[] index = new int[dims.length];
        for (int i = dims.length - 1; i >= 0; i--) {
            index[i] = offset % dims[i];
            offset /= dims[i];
        }
        return index;
    }

    /**
     * {@code offset} itself, once checked to be a flat row-major offset into this shape.
     *
     * @throws IndexOutOfBoundsException naming the offset, the shape and its size
     */
    int checkedOffset(int offset) {
        if (offset < 0 || offset >= size) {
            throw new IndexOutOfBoundsException(
                    "offset " + offset + " is out of bounds for shape " + this + " of size " + size);
        }
        return offset;
    }

    /**
     * The axis in {@code [0, rank)} that {@code axis} names; negative values count from the end.
     *
     * @param what the operation asking, for the error message
     */
    public int normalizeAxis(int axis, String what) {
        int normalized = axis < 0 ? axis + dims.length : axis;
        if (normalized < 0 || normalized >= dims.length) {
            throw new IllegalArgumentException(
                    what + ": axis " + axis + " is out of range for shape " + this);
        }
        return normalized;
    }

    /** This shape with dimension {@code axis} removed (keepdims false) or set to 1 (keepdims true). */
    public Shape reduce(int axis, boolean keepDims) {
        int a = normalizeAxis(axis, "reduce");
        if (keepDims) {
            int[] out = dims.clone();
            out[a] = 1;
            return new Shape(out);
        }
        int[] out = new int[dims.length - 1];
        for (int i = 0, j = 0; i < dims.length; i++) {
            if (i != a) {
                out[j++] = dims[i];
            }
        }
        return out.length == 0 ? SCALAR : new Shape(out);
    }

    /**
     * The numpy broadcast of two shapes: aligned at the right, each pair of dimensions equal or one
     * of them 1.
     *
     * @param op the operation asking, named in the error
     * @throws IllegalArgumentException naming both shapes when they do not broadcast
     */
    public static Shape broadcast(Shape a, Shape b, String op) {
        if (a.equals(b)) {
            return a;
        }
        int rank = Math.max(a.rank(), b.rank());
        int[] out = new int[rank];
        for (int i = 0; i < rank; i++) {
            int da = i < rank - a.rank() ? 1 : a.dims[i - (rank - a.rank())];
            int db = i < rank - b.rank() ? 1 : b.dims[i - (rank - b.rank())];
            if (da != db && da != 1 && db != 1) {
                throw new IllegalArgumentException(
                        op + ": shapes do not broadcast: " + a + " and " + b
                                + " (dimension " + da + " against " + db + ")");
            }
            out[i] = da == 1 ? db : da;
        }
        return new Shape(out);
    }

    /** True if this shape broadcasts to {@code target} (numpy rules, target unchanged). */
    public boolean broadcastsTo(Shape target) {
        if (rank() > target.rank()) {
            return false;
        }
        int offset = target.rank() - rank();
        for (int i = 0; i < rank(); i++) {
            if (dims[i] != 1 && dims[i] != target.dims[i + offset]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Shape other && Arrays.equals(dims, other.dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    /** numpy style: {@code [2, 3]}, and {@code []} for a scalar. */
    @Override
    public String toString() {
        return Arrays.toString(dims);
    }
}
