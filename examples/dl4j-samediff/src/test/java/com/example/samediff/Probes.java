package com.example.samediff;

import com.example.samediff.SameDiffFunction.In;
import dev.gradproof.properties.engine.OpCall;
import dev.gradproof.properties.engine.Ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Every declared op of the SameDiff adapter probed where gradient bugs hide: ordinary points, at and
 * near kinks (relu, abs, leaky relu, elu, max/min ties), broadcasting in each direction and across
 * ranks, each axis with and without keepDims, batched shapes, extreme magnitudes. The values are
 * drawn from {@link #SEED} ({@code -Dsamediff.probe.seed} replays another draw); gradcheck's FULL
 * mode gives every probe upstreams that are not all ones.
 */
final class Probes {

    /** The seed of every probe's values; printed by every check's replay line. */
    static final long SEED = Long.getLong("samediff.probe.seed", 42L);

    private final Random random = new Random(SEED);
    private final List<Probe> probes = new ArrayList<>();

    private Probes() {
    }

    /** All probes, in a fixed order. */
    static List<Probe> all() {
        Probes p = new Probes();
        p.binary();
        p.unary();
        p.reductions();
        p.shapes();
        p.products();
        p.softmaxes();
        p.losses();
        return List.copyOf(p.probes);
    }

    // ------------------------------------------------------------------ elementwise binary

    private static final int[][][] BROADCAST_PAIRS = {
        {{2, 3}, {2, 3}}, {{2, 3}, {3}}, {{3}, {2, 3}}, {{2, 3}, {2, 1}}, {{2, 1}, {2, 3}},
        {{2, 3}, {1, 3}}, {{1, 3}, {2, 3}}, {{}, {2, 3}}, {{2, 3}, {}}, {{2, 1, 3}, {4, 1}},
        {{4, 1}, {2, 1, 3}}, {{2, 1}, {1, 3}}, {{}, {}}, {{3}, {1}}, {{1}, {3}}};

    private void binary() {
        for (String op : List.of(Ops.ADD, Ops.SUB, Ops.MUL, Ops.DIV, Ops.MAXIMUM, Ops.MINIMUM)) {
            for (int[][] pair : BROADCAST_PAIRS) {
                boolean positive = op.equals(Ops.DIV);
                add(OpCall.of(op), "ordinary values", in("a", uniform(-2, 2, pair[0])),
                        in("b", positive ? awayFromZero(pair[1]) : uniform(-2, 2, pair[1])));
            }
        }
        for (String op : List.of(Ops.MAXIMUM, Ops.MINIMUM)) {
            // one tie exactly (a kink) and elements 1e-3 on either side of a tie
            add(OpCall.of(op), "near ties (1e-3 apart)", in("a", new double[] {0.5, -1, 2, 0.3}, 4),
                    in("b", new double[] {0.501, -1.001, 1.999, -0.3}, 4));
            add(OpCall.of(op), "broadcast scalar near ties", in("a", new double[] {0.999, 1.001, -2, 3}, 4),
                    in("b", new double[] {1.0}));
        }
        add(OpCall.of(Ops.DIV), "large and tiny denominators", in("a", uniform(-2, 2, 2, 3)),
                in("b", new double[] {1e-3, -1e3, 7, 1e-2, -0.5, 40}, 2, 3));
        add(OpCall.of(Ops.MUL), "large magnitudes", in("a", scaled(1e6, 2, 3)), in("b", scaled(1e-6, 2, 3)));
    }

    // ------------------------------------------------------------------ elementwise unary

    private void unary() {
        for (String op : List.of(Ops.NEG, Ops.EXP, Ops.SQUARE, Ops.ABS, Ops.SIGMOID, Ops.TANH, Ops.RELU, Ops.SILU,
                Ops.NORMAL_CDF, Ops.ELU)) {
            double scalar = op.equals(Ops.ELU) ? 1.0 : 0.0;
            for (int[] shape : new int[][] {{}, {5}, {2, 3}, {2, 3, 2}}) {
                add(OpCall.withScalar(op, scalar), "ordinary values", in("x", uniform(-3, 3, shape)));
            }
        }
        for (String op : List.of(Ops.LOG, Ops.SQRT, Ops.RECIPROCAL)) {
            for (int[] shape : new int[][] {{}, {5}, {2, 3}}) {
                add(OpCall.of(op), "positive values", in("x", uniform(0.2, 3, shape)));
            }
        }
        add(OpCall.of(Ops.RECIPROCAL), "negative values", in("x", uniform(-3, -0.2, 2, 3)));
        for (double slope : new double[] {0.01, 0.2, 0.1, 1.5}) {
            add(OpCall.withScalar(Ops.LEAKY_RELU, slope), "ordinary values", in("x", uniform(-3, 3, 2, 3)));
            add(OpCall.withScalar(Ops.LEAKY_RELU, slope), "near the kink (1e-3 from 0)", in("x", nearZero(6)));
        }
        for (String op : List.of(Ops.RELU, Ops.ABS, Ops.ELU)) {
            add(OpCall.withScalar(op, op.equals(Ops.ELU) ? 1.0 : 0.0), "near the kink (1e-3 from 0)", in("x", nearZero(6)));
            add(OpCall.withScalar(op, op.equals(Ops.ELU) ? 1.0 : 0.0), "near the kink (1e-7 from 0)",
                    in("x", new double[] {1e-7, -1e-7, 3e-7, -3e-7}, 4));
        }
        for (double p : new double[] {2, 3, 0.5, -1, 1.5, -2.5, 0}) {
            add(OpCall.withScalar(Ops.POW, p), "positive base", in("x", uniform(0.2, 3, 2, 3)));
        }
        for (double p : new double[] {2, 3, -1, 4}) {
            add(OpCall.withScalar(Ops.POW, p), "negative base, integer exponent", in("x", uniform(-3, -0.2, 2, 3)));
        }
        for (double c : new double[] {2.5, -1, 0}) {
            add(OpCall.withScalar(Ops.ADD_CONSTANT, c), "ordinary values", in("x", uniform(-3, 3, 2, 3)));
            add(OpCall.withScalar(Ops.MUL_CONSTANT, c), "ordinary values", in("x", uniform(-3, 3, 2, 3)));
        }
        add(OpCall.of(Ops.EXP), "large arguments (20 to 50)", in("x", uniform(20, 50, 4)));
        add(OpCall.of(Ops.SIGMOID), "saturated (+-15 to 30)", in("x", new double[] {-30, -15, 15, 30}, 4));
        add(OpCall.of(Ops.TANH), "saturated (+-5 to 15)", in("x", new double[] {-15, -5, 5, 15}, 4));
        add(OpCall.of(Ops.SILU), "large magnitudes (+-20)", in("x", new double[] {-20, -8, 8, 20}, 4));
        add(OpCall.withScalar(Ops.ELU, 1.0), "large negative (-20 to -5)", in("x", uniform(-20, -5, 4)));
        add(OpCall.of(Ops.NORMAL_CDF), "tails (+-4 to 6)", in("x", new double[] {-6, -4, 4, 6}, 4));
        add(OpCall.of(Ops.LOG), "tiny and large (1e-8 to 1e8)", in("x", new double[] {1e-8, 1e-3, 1e3, 1e8}, 4));
        add(OpCall.of(Ops.SQRT), "tiny and large (1e-10 to 1e10)", in("x", new double[] {1e-10, 1e-4, 1e4, 1e10}, 4));
    }

    // ------------------------------------------------------------------ reductions

    private void reductions() {
        for (String op : List.of(Ops.SUM, Ops.MEAN)) {
            for (int[] shape : new int[][] {{}, {5}, {2, 3}, {2, 3, 4}}) {
                add(OpCall.of(op), "ordinary values", in("x", uniform(-2, 2, shape)));
            }
        }
        for (String op : List.of(Ops.SUM_AXIS, Ops.MEAN_AXIS)) {
            for (int[] shape : new int[][] {{5}, {2, 3}, {2, 3, 4}, {2, 1, 3}, {3, 2, 2, 2}, {4, 1}, {1, 3}, {1}, {2, 3, 1}}) {
                for (int axis = 0; axis < shape.length; axis++) {
                    for (boolean keep : new boolean[] {false, true}) {
                        add(OpCall.alongAxis(op, axis, keep), "ordinary values", in("x", uniform(-2, 2, shape)));
                    }
                }
            }
        }
    }

    // ------------------------------------------------------------------ shapes

    private void shapes() {
        int[][][] broadcasts = {{{3}, {2, 3}}, {{2, 1}, {2, 3}}, {{1}, {4}}, {{}, {2, 2}}, {{2, 1, 3}, {2, 4, 3}},
            {{1, 3}, {2, 2, 3}}, {{3, 1}, {2, 3, 4}}};
        for (int[][] b : broadcasts) {
            add(OpCall.withInts(Ops.BROADCAST_TO, b[1]), "ordinary values", in("x", uniform(-2, 2, b[0])));
        }
        int[][][] reshapes = {{{2, 3}, {3, 2}}, {{6}, {2, 3}}, {{2, 3, 4}, {4, 6}}, {{1}, {}}, {{}, {1, 1}}, {{2, 3}, {6}}};
        for (int[][] r : reshapes) {
            add(OpCall.withInts(Ops.RESHAPE, r[1]), "ordinary values", in("x", uniform(-2, 2, r[0])));
        }
        for (int[] shape : new int[][] {{5}, {2, 3}, {2, 3, 4}, {2, 3, 4, 2}}) {
            add(OpCall.of(Ops.TRANSPOSE), "ordinary values", in("x", uniform(-2, 2, shape)));
        }
        int[][] pairs = {{0, 1}, {0, 2}, {1, 2}, {2, 0}};
        for (int[] axes : pairs) {
            add(OpCall.withInts(Ops.TRANSPOSE_AXES, axes), "ordinary values", in("x", uniform(-2, 2, 2, 3, 4)));
        }
        add(OpCall.withInts(Ops.TRANSPOSE_AXES, 1, 3), "ordinary values", in("x", uniform(-2, 2, 2, 3, 2, 4)));
        add(OpCall.withInts(Ops.TRANSPOSE_AXES, 0, 1), "ordinary values", in("x", uniform(-2, 2, 2, 3)));
    }

    // ------------------------------------------------------------------ products

    private void products() {
        int[][][] matmuls = {{{2, 3}, {3, 4}}, {{1, 1}, {1, 1}}, {{1, 3}, {3, 1}}, {{4, 1}, {1, 4}}, {{3, 2}, {2, 1}}};
        for (int[][] m : matmuls) {
            add(OpCall.of(Ops.MATMUL), "ordinary values", in("x", uniform(-2, 2, m[0])), in("w", uniform(-2, 2, m[1])));
        }
        int[][][] batches = {{{2, 3, 4}, {4, 5}}, {{2, 3, 4}, {2, 4, 5}}, {{1, 2, 2}, {1, 2, 2}}, {{3, 1, 2}, {2, 1}},
            {{2, 2, 3}, {2, 3, 1}}};
        for (int[][] m : batches) {
            add(OpCall.of(Ops.BATCH_MATMUL), "ordinary values", in("x", uniform(-2, 2, m[0])), in("w", uniform(-2, 2, m[1])));
        }
        add(OpCall.of(Ops.MAXOUT), "ordinary values", in("x", uniform(-2, 2, 3, 2)), in("w1", uniform(-2, 2, 2, 4)),
                in("b1", uniform(-2, 2, 4)), in("w2", uniform(-2, 2, 2, 4)), in("b2", uniform(-2, 2, 4)));
    }

    // ------------------------------------------------------------------ softmax

    private void softmaxes() {
        for (String op : List.of(Ops.SOFTMAX, Ops.LOG_SOFTMAX)) {
            for (int[] shape : new int[][] {{5}, {2, 3}, {2, 3, 4}}) {
                for (int axis = 0; axis < shape.length; axis++) {
                    add(OpCall.alongAxis(op, axis, false), "ordinary values", in("x", uniform(-3, 3, shape)));
                }
            }
            add(OpCall.alongAxis(op, 1, false), "a size-1 axis", in("x", uniform(-3, 3, 3, 1)));
            add(OpCall.alongAxis(op, 1, false), "logits +-1000", in("x", new double[] {1000, -1000, 0, -1000, 1000, 999}, 2, 3));
            add(OpCall.alongAxis(op, 1, false), "widely spread (-50 to 0)", in("x", uniform(-50, 0, 2, 3)));
        }
    }

    // ------------------------------------------------------------------ losses

    private void losses() {
        for (String op : List.of(Ops.SOFTMAX_CROSS_ENTROPY, Ops.SOFTMAX_CROSS_ENTROPY_SUM)) {
            add(OpCall.withInts(op, 2, 0), "ordinary scores", in("scores", uniform(-3, 3, 2, 3)));
            add(OpCall.withInts(op, 1, 1, 3, 0), "ordinary scores, 4 examples", in("scores", uniform(-3, 3, 4, 4)));
            add(OpCall.withInts(op, 0), "one example", in("scores", uniform(-3, 3, 1, 3)));
            add(OpCall.withInts(op, 1, 0), "scores +-1000", in("scores", new double[] {1000, -1000, 0, -1000, 1000, 999}, 2, 3));
        }
        for (String op : List.of(Ops.SUM_SQUARED_ERROR, Ops.MEAN_SQUARED_ERROR)) {
            for (int[] shape : new int[][] {{2, 3}, {5}, {2, 3, 2}}) {
                add(OpCall.of(op), "ordinary values", in("prediction", uniform(-2, 2, shape)), in("target", uniform(-2, 2, shape)));
            }
        }
        add(OpCall.withScalar(Ops.L2, 0.1), "one weight", in("w", uniform(-2, 2, 3, 4)));
        add(OpCall.withScalar(Ops.L2, 1e-3), "two weights", in("w1", uniform(-2, 2, 3, 4)), in("w2", uniform(-2, 2, 4)));
    }

    // ------------------------------------------------------------------ helpers

    private void add(OpCall call, String point, In... inputs) {
        probes.add(new Probe(call, point, List.of(inputs)));
    }

    private static In in(String name, double[] values, int... shape) {
        return new In(name, values, shape);
    }

    private In in(String name, Values values) {
        return new In(name, values.data, values.shape);
    }

    private record Values(double[] data, int[] shape) {
    }

    private Values uniform(double lo, double hi, int... shape) {
        return draw(shape, () -> lo + (hi - lo) * random.nextDouble());
    }

    private Values awayFromZero(int... shape) {
        return draw(shape, () -> (random.nextBoolean() ? 1 : -1) * (0.5 + 1.5 * random.nextDouble()));
    }

    private Values scaled(double scale, int... shape) {
        return draw(shape, () -> scale * (0.5 + random.nextDouble()) * (random.nextBoolean() ? 1 : -1));
    }

    /** Elements 1e-3 on either side of 0, alternating in sign. */
    private Values nearZero(int n) {
        double[] data = new double[n];
        for (int i = 0; i < n; i++) {
            data[i] = (i % 2 == 0 ? 1 : -1) * 1e-3 * (1 + random.nextDouble());
        }
        return new Values(data, new int[] {n});
    }

    private Values draw(int[] shape, java.util.function.DoubleSupplier element) {
        double[] data = new double[In.size(shape)];
        for (int i = 0; i < data.length; i++) {
            data[i] = element.getAsDouble();
        }
        return new Values(data, shape);
    }

}
