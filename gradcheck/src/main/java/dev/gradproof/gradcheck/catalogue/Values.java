package dev.gradproof.gradcheck.catalogue;

import dev.gradproof.autograd.Shape;
import dev.gradproof.autograd.Tensor;

import java.util.Random;

/** The values samples are drawn from: intervals, magnitudes spread over decades, points at and near a kink. */
final class Values {

    /**
     * Offsets from a kink: the kink itself, within one step (1e-6) on either side, within two steps
     * (the outer probes cross), just beyond them, and ordinary distances.
     */
    private static final double[] NEAR = {0, 0.5e-6, -0.5e-6, 1.5e-6, -1.5e-6, 3e-6, -3e-6, 1e-3, -1e-3, 0.5, -0.5, 2};

    private Values() {
    }

    /** Uniform in {@code [lo, hi)}. */
    static Tensor uniform(Random random, double lo, double hi, int... shape) {
        return Tensor.uniform(random, lo, hi, shape);
    }

    /** Magnitudes log-uniform in {@code [lo, hi]} (spread over the decades between), each with a random sign if {@code signed}. */
    static Tensor magnitudes(Random random, double lo, double hi, boolean signed, int... shape) {
        double[] out = new double[Shape.of(shape).size()];
        for (int i = 0; i < out.length; i++) {
            double m = logUniform(random, lo, hi);
            out[i] = signed && random.nextBoolean() ? -m : m;
        }
        return Tensor.of(out, shape);
    }

    /** Values log-uniform in {@code [negLo, negHi]} (both negative) or {@code [posLo, posHi]}, each side with probability 1/2. */
    static Tensor tails(Random random, double negLo, double negHi, double posLo, double posHi, int... shape) {
        double[] out = new double[Shape.of(shape).size()];
        for (int i = 0; i < out.length; i++) {
            boolean negative = random.nextBoolean();
            double m = negative ? logUniform(random, -negHi, -negLo) : logUniform(random, posLo, posHi);
            out[i] = negative ? -m : m;
        }
        return Tensor.of(out, shape);
    }

    /** One value log-uniform in {@code [lo, hi]}, both positive. */
    private static double logUniform(Random random, double lo, double hi) {
        return Math.exp(Math.log(lo) + (Math.log(hi) - Math.log(lo)) * random.nextDouble());
    }

    /** Magnitudes uniform in {@code [lo, hi)} with a random sign: away from zero on both sides. */
    static Tensor awayFromZero(Random random, double lo, double hi, int... shape) {
        double[] out = new double[Shape.of(shape).size()];
        for (int i = 0; i < out.length; i++) {
            double m = lo + (hi - lo) * random.nextDouble();
            out[i] = random.nextBoolean() ? -m : m;
        }
        return Tensor.of(out, shape);
    }

    /** The kink {@code at} and points near it ({@link #NEAR}), repeated to fill the shape. */
    static Tensor around(double at, int... shape) {
        double[] out = new double[Shape.of(shape).size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = at + NEAR[i % NEAR.length];
        }
        return Tensor.of(out, shape);
    }

    /** The same value everywhere. */
    static Tensor full(double value, int... shape) {
        return Tensor.full(Shape.of(shape), value);
    }

    /**
     * Every element on the kink at {@code kink} but the last, which lies {@code away} from it: the
     * kinks are met exactly, and one element is compared, so that a check of the sample can PASS on
     * evidence (where every element is a kink, nothing is compared and the check is INCONCLUSIVE).
     */
    static Tensor onTheKinkButOne(double kink, double away, int... shape) {
        double[] values = Tensor.full(Shape.of(shape), kink).toArray();
        values[values.length - 1] = kink + away;
        return Tensor.of(values, shape);
    }

    /** A vector of class labels in {@code [0, classes)}, one per row. */
    static int[] labels(Random random, int rows, int classes) {
        int[] labels = new int[rows];
        for (int i = 0; i < rows; i++) {
            labels[i] = random.nextInt(classes);
        }
        return labels;
    }
}
