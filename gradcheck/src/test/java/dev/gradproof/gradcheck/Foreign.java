package dev.gradproof.gradcheck;

import java.util.function.DoubleUnaryOperator;

/**
 * Plain-array helpers for foreign code in tests: nothing here uses autograd-core, as a student's
 * hand-written backward would not.
 */
final class Foreign {

    private Foreign() {
    }

    static double sigmoid(double x) {
        return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    }

    /** {@code sum_k f(x_k)} of the first input. */
    static double sumOf(double[][] in, DoubleUnaryOperator f) {
        double s = 0;
        for (double x : in[0]) {
            s += f.applyAsDouble(x);
        }
        return s;
    }

    /** The gradient {@code df(x_k)} of {@code sum_k f(x_k)} with respect to the first input. */
    static double[][] gradientOf(double[][] in, DoubleUnaryOperator df) {
        double[] g = new double[in[0].length];
        for (int k = 0; k < g.length; k++) {
            g[k] = df.applyAsDouble(in[0][k]);
        }
        return new double[][] {g};
    }

    /** {@code f(x_k)} elementwise: a vector output. */
    static double[] map(double[] x, DoubleUnaryOperator f) {
        double[] y = new double[x.length];
        for (int k = 0; k < y.length; k++) {
            y[k] = f.applyAsDouble(x[k]);
        }
        return y;
    }

    /** Row-major {@code a [n, m] @ b [m, p]}. */
    static double[] matmul(double[] a, double[] b, int n, int m, int p) {
        double[] c = new double[n * p];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < m; k++) {
                double aik = a[i * m + k];
                for (int j = 0; j < p; j++) {
                    c[i * p + j] += aik * b[k * p + j];
                }
            }
        }
        return c;
    }

    /** Row-major transpose of an {@code [n, m]} matrix. */
    static double[] transpose(double[] a, int n, int m) {
        double[] t = new double[n * m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                t[j * n + i] = a[i * m + j];
            }
        }
        return t;
    }

    /** Values uniform in [lo, hi) from a seed. */
    static double[] uniform(long seed, int n, double lo, double hi) {
        java.util.Random r = new java.util.Random(seed);
        double[] v = new double[n];
        for (int k = 0; k < n; k++) {
            v[k] = lo + (hi - lo) * r.nextDouble();
        }
        return v;
    }
}
