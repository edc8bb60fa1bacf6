package dev.gradproof.properties.kit;

import dev.gradproof.autograd.Shape;
import dev.gradproof.properties.engine.DenseArray;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The kit's assertions: each failure names the invariant, the variable, its shape, the worst
 * elements (index, got, expected, allowed) and the graph with its node count, so that a shrunk
 * counterexample reads on its own.
 */
final class Check {

    private static final int SHOWN = 3;
    /** How much wider the error bounds are for the engine now under test: its precision against float64's. */
    private static final ThreadLocal<Double> BOUND_SCALE = ThreadLocal.withInitial(() -> 1.0);

    private Check() {
    }

    /**
     * Widens every bound of {@link #close} on this thread by {@code scale} (2^29 for a float32
     * engine, whose unit roundoff is 2^29 times float64's); 1 restores them.
     */
    static void scaleBoundsBy(double scale) {
        BOUND_SCALE.set(scale);
    }

    /** A failure of {@code invariant} about {@code subject}, with the graph or case it happened in. */
    static AssertionError failure(String invariant, String detail, Object subject) {
        return new AssertionError(invariant + ": " + detail + "\n  in " + describe(subject));
    }

    static String describe(Object subject) {
        if (subject instanceof dev.gradproof.properties.graph.GraphSpec spec) {
            return "graph (" + spec.size() + " nodes): " + spec;
        }
        if (subject instanceof dev.gradproof.properties.generators.ForkedGraph forked) {
            return forked.branchCount() + " branches, graph (" + forked.whole().size() + " nodes): " + forked.whole();
        }
        return String.valueOf(subject);
    }

    /** Fails unless {@code actual} has {@code shape}. */
    static void shape(String invariant, String variable, DenseArray actual, int[] shape, Object subject) {
        if (!actual.hasShape(shape)) {
            throw failure(invariant, "gradient of " + variable + " has shape " + actual.shapeString()
                    + " but the variable has shape " + Arrays.toString(shape), subject);
        }
    }

    /** Fails unless {@code actual} has the expected shape and every element is within the tolerance. */
    static void close(String invariant, String variable, DenseArray actual, double[] expected, int[] shape,
                      Tolerance tolerance, Object subject) {
        shape(invariant, variable, actual, shape, subject);
        double[] got = actual.data();
        double[] allowed = tolerance.allowed(got, expected);
        double scale = BOUND_SCALE.get();
        for (int i = 0; i < allowed.length; i++) {
            allowed[i] *= scale;
        }
        List<Integer> bad = new ArrayList<>();
        for (int i = 0; i < got.length; i++) {
            if (!(Math.abs(got[i] - expected[i]) <= allowed[i])) {
                bad.add(i);
            }
        }
        if (bad.isEmpty()) {
            return;
        }
        bad.sort(Comparator.comparingDouble((Integer i) -> excess(got[i], expected[i], allowed[i])).reversed());
        StringBuilder detail = new StringBuilder().append(variable).append(' ').append(Arrays.toString(shape))
                .append(": ").append(bad.size()).append(" of ").append(got.length).append(" elements differ");
        for (int i : bad.subList(0, Math.min(SHOWN, bad.size()))) {
            detail.append("\n    at ").append(Arrays.toString(Shape.of(shape).index(i))).append(": got ").append(got[i])
                    .append(", expected ").append(expected[i]).append(" (allowed error ")
                    .append(String.format("%.1e", allowed[i])).append(')');
        }
        throw failure(invariant, detail.toString(), subject);
    }

    /**
     * Fails unless {@code actual} has the shape and every element is within {@code bound} of the
     * expected one: a bound stated for the engine's precision already, not widened again.
     */
    static void closeUnscaled(String invariant, String variable, DenseArray actual, double[] expected, int[] shape,
                              double bound, Object subject) {
        double scale = BOUND_SCALE.get();
        close(invariant, variable, actual, expected, shape, (a, e) -> {
            double[] allowed = new double[a.length];
            java.util.Arrays.fill(allowed, bound / scale);
            return allowed;
        }, subject);
    }

    /** Fails unless the two arrays are bitwise equal. */
    static void identical(String invariant, String variable, DenseArray first, DenseArray second, Object subject) {
        if (!first.equals(second)) {
            throw failure(invariant, variable + " differs between two runs: " + first + " then " + second, subject);
        }
    }

    /** Fails unless every element is finite. */
    static void finite(String invariant, String variable, DenseArray actual, Object subject) {
        for (int i = 0; i < actual.size(); i++) {
            if (!Double.isFinite(actual.get(i))) {
                throw failure(invariant, variable + " " + actual.shapeString() + " has " + actual.get(i)
                        + " at " + Arrays.toString(Shape.of(actual.shape()).index(i)), subject);
            }
        }
    }

    private static double excess(double got, double expected, double allowed) {
        double diff = Math.abs(got - expected);
        return Double.isNaN(diff) ? Double.POSITIVE_INFINITY : diff - allowed;
    }
}
