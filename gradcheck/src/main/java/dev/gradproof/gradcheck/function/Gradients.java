package dev.gradproof.gradcheck.function;

/** Gradients of several inputs laid end to end, the output of a second-order function. */
final class Gradients {

    private Gradients() {
    }

    /** The gradients of the differentiated inputs, concatenated in input order. */
    static double[] concat(double[][] gradients, double[][] point, boolean[] wrt, String source) {
        int total = 0;
        for (int i = 0; i < point.length; i++) {
            if (wrt[i]) {
                total += point[i].length;
            }
        }
        double[] out = new double[total];
        int at = 0;
        for (int i = 0; i < point.length; i++) {
            if (!wrt[i]) {
                continue;
            }
            double[] g = gradients == null || i >= gradients.length ? null : gradients[i];
            if (g == null || g.length != point[i].length) {
                throw new IllegalStateException(source + ": the gradient of input " + i + " has "
                        + (g == null ? "no value" : g.length + " elements") + ", expected " + point[i].length
                        + " (check the first-order gradients first)");
            }
            System.arraycopy(g, 0, out, at, g.length);
            at += g.length;
        }
        return out;
    }

    /** The inverse of {@link #concat}: one array per input, null for inputs not differentiated. */
    static double[][] split(double[] flat, double[][] point, boolean[] wrt) {
        double[][] out = new double[point.length][];
        int at = 0;
        for (int i = 0; i < point.length; i++) {
            if (wrt[i]) {
                out[i] = java.util.Arrays.copyOfRange(flat, at, at + point[i].length);
                at += point[i].length;
            }
        }
        return out;
    }

    /** The first {@code n} arrays of a point (the function's own inputs, without the upstream). */
    static double[][] head(double[][] point, int n) {
        return java.util.Arrays.copyOf(point, n);
    }

    /** The first {@code n} flags. */
    static boolean[] head(boolean[] wrt, int n) {
        return java.util.Arrays.copyOf(wrt, n);
    }
}
