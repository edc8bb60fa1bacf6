package dev.gradproof.gradcheck.engine;

import dev.gradproof.gradcheck.function.Input;

import java.util.Arrays;
import java.util.Random;
import java.util.random.RandomGenerator;

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
    static double[] unitVector(int size, RandomGenerator random) {
        double[] u = new double[size];
        unitVector(new double[][] {u}, random);
        return u;
    }

    /** Fills the arrays with one vector uniform on the unit sphere of their total length (normalised Gaussian). */
    static void unitVector(double[][] parts, RandomGenerator random) {
        double norm = 0;
        while (norm == 0) {
            norm = 0;
            for (double[] part : parts) {
                for (int i = 0; i < part.length; i++) {
                    part[i] = random.nextGaussian();
                    norm += part[i] * part[i];
                }
            }
        }
        double inverse = 1 / Math.sqrt(norm);
        for (double[] part : parts) {
            for (int i = 0; i < part.length; i++) {
                part[i] *= inverse;
            }
        }
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
