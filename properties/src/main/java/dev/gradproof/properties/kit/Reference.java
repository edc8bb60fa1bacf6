package dev.gradproof.properties.kit;

import java.util.Arrays;
import java.util.function.DoubleBinaryOperator;

/**
 * An independent oracle for the gate patterns: numpy broadcasting and its reverse written the
 * naive way, one multi-index per element, sharing no code with any engine's kernels.
 */
final class Reference {

    private Reference() {
    }

    /** The numpy broadcast of two shapes. */
    static int[] broadcastShape(int[] a, int[] b) {
        int rank = Math.max(a.length, b.length);
        int[] out = new int[rank];
        for (int i = 0; i < rank; i++) {
            int da = dimFromRight(a, rank - 1 - i);
            int db = dimFromRight(b, rank - 1 - i);
            if (da != db && da != 1 && db != 1) {
                throw new IllegalArgumentException("shapes do not broadcast: " + Arrays.toString(a) + " and "
                        + Arrays.toString(b));
            }
            out[i] = da == 1 ? db : da;
        }
        return out;
    }

    private static int dimFromRight(int[] dims, int k) {
        return k < dims.length ? dims[dims.length - 1 - k] : 1;
    }

    /** The flat offset in an array of shape {@code small} that element {@code index} of {@code big} reads. */
    private static int sourceOffset(int[] index, int[] small) {
        int offset = 0;
        int shift = index.length - small.length;
        for (int i = 0; i < small.length; i++) {
            int coordinate = small[i] == 1 ? 0 : index[i + shift];
            offset = offset * small[i] + coordinate;
        }
        return offset;
    }

    private static int[] index(int flat, int[] dims) {
        int[] index = new int[dims.length];
        for (int i = dims.length - 1; i >= 0; i--) {
            index[i] = flat % dims[i];
            flat /= dims[i];
        }
        return index;
    }

    private static int size(int[] dims) {
        int n = 1;
        for (int d : dims) {
            n *= d;
        }
        return n;
    }

    /** {@code data} of shape {@code from} repeated to shape {@code to}. */
    static double[] broadcast(double[] data, int[] from, int[] to) {
        double[] out = new double[size(to)];
        for (int j = 0; j < out.length; j++) {
            out[j] = data[sourceOffset(index(j, to), from)];
        }
        return out;
    }

    /** {@code data} of shape {@code from} summed down to shape {@code to}, which broadcasts to {@code from}. */
    static double[] reduce(double[] data, int[] from, int[] to) {
        double[] out = new double[size(to)];
        for (int j = 0; j < data.length; j++) {
            out[sourceOffset(index(j, from), to)] += data[j];
        }
        return out;
    }

    /** How many elements of shape {@code from} fold into each element of {@code to}. */
    static int foldCount(int[] from, int[] to) {
        return size(to) == 0 ? 0 : size(from) / size(to);
    }

    /** Elementwise combination of two arrays of one shape. */
    static double[] zip(double[] a, double[] b, DoubleBinaryOperator f) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = f.applyAsDouble(a[i], b[i]);
        }
        return out;
    }

    /** The absolute values. */
    static double[] abs(double[] a) {
        return Arrays.stream(a).map(Math::abs).toArray();
    }
}
