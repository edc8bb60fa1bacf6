package dev.gradproof.gradcheck.engine;

import dev.gradproof.gradcheck.function.Input;

import java.util.Arrays;
import java.util.Random;

/**
 * The scalars of the output that are compared: the unit upstreams {@code e_m} (the whole Jacobian,
 * one row per output element) when the output is small, otherwise random unit projections
 * {@code u} ({@code u^T J}). A scalar output has the single component {@code [1]}.
 */
final class Components {

    private final double[][] upstreams;
    private final String[] names;
    private final boolean projected;

    private Components(double[][] upstreams, String[] names, boolean projected) {
        this.upstreams = upstreams;
        this.names = names;
        this.projected = projected;
    }

    static Components of(int[] outputShape, int outputSize, int fullJacobianLimit, int projections, Random random) {
        if (outputSize <= fullJacobianLimit) {
            double[][] u = new double[outputSize][outputSize];
            String[] names = new String[outputSize];
            for (int m = 0; m < outputSize; m++) {
                u[m][m] = 1;
                names[m] = outputShape.length == 0 ? null : "output " + Arrays.toString(Input.indexOf(outputShape, m));
            }
            return new Components(u, names, false);
        }
        double[][] u = new double[projections][];
        String[] names = new String[projections];
        for (int r = 0; r < projections; r++) {
            u[r] = unitVector(outputSize, random);
            names[r] = "projection " + (r + 1) + " of " + projections;
        }
        return new Components(u, names, true);
    }

    /** A vector uniform on the unit sphere (normalised Gaussian). */
    static double[] unitVector(int size, Random random) {
        double[] u = new double[size];
        double norm = 0;
        while (norm == 0) {
            norm = 0;
            for (int i = 0; i < size; i++) {
                u[i] = random.nextGaussian();
                norm += u[i] * u[i];
            }
        }
        norm = Math.sqrt(norm);
        for (int i = 0; i < size; i++) {
            u[i] /= norm;
        }
        return u;
    }

    int count() {
        return upstreams.length;
    }

    double[] upstream(int c) {
        return upstreams[c];
    }

    double[][] all() {
        return upstreams;
    }

    String name(int c) {
        return names[c];
    }

    /** True when random projections stand in for the whole Jacobian. */
    boolean projected() {
        return projected;
    }
}
