package dev.gradproof.gradcheck.engine;

/**
 * One random pair of FAST mode: the output projection {@code u} (unit, over the outputs) and the
 * input direction {@code v} (unit, over the elements of the differentiated inputs), drawn from their
 * seed in that order, each a normalised Gaussian vector.
 *
 * <p>Up to {@value #KEPT} elements the pair is kept as arrays. Above, only where each part starts in
 * its random stream and its norm are kept, and the part is drawn again, in order, whenever it is read:
 * the same numbers, bit for bit, without holding two more arrays of the size of the input and the
 * output (80 MB each at 10,000,000 elements).
 */
final class Direction implements NoiseProbe.Projection {

    /** Pairs up to this many elements in all are kept as arrays. */
    static final long KEPT = 1 << 20;

    /** Elements of a regenerated {@code u} projected at a time: a multiple of 4, as {@link Prober#accumulate} asks. */
    private static final int BLOCK = 4096;

    private final long seed;
    private final int outputSize;
    private final int[] sizes;
    private final long uPlace;
    private final double uInverse;
    private final long vPlace;
    private final double vInverse;
    private final double[] u;
    private final double[][] v;

    private Direction(long seed, int outputSize, int[] sizes, long uPlace, double uInverse, long vPlace,
                      double vInverse, boolean kept) {
        this.seed = seed;
        this.outputSize = outputSize;
        this.sizes = sizes;
        this.uPlace = uPlace;
        this.uInverse = uInverse;
        this.vPlace = vPlace;
        this.vInverse = vInverse;
        this.u = kept ? drawU() : null;
        this.v = kept ? drawV() : null;
    }

    /**
     * The pair of {@code seed}: {@code u} over {@code outputSize} outputs ({@code [1]} for one output),
     * {@code v} over the inputs whose {@code sizes} are given (-1 for a data input, which does not move).
     *
     * @param keptUpTo pairs of at most this many elements in all are kept as arrays ({@link #KEPT})
     */
    static Direction draw(long seed, int outputSize, int[] sizes, long keptUpTo) {
        GaussianStream stream = GaussianStream.from(seed);
        long uPlace = 0;
        double uInverse = 1;
        if (outputSize != 1) {
            double norm = 0;
            while (norm == 0) {
                uPlace = stream.place();
                norm = sumOfSquares(stream, outputSize);
            }
            uInverse = 1 / Math.sqrt(norm);
        }
        long d = 0;
        for (int size : sizes) {
            d += Math.max(size, 0);
        }
        double norm = 0;
        long vPlace = 0;
        while (norm == 0) {
            vPlace = stream.place();
            norm = sumOfSquares(stream, d);
        }
        return new Direction(seed, outputSize, sizes.clone(), uPlace, uInverse, vPlace, 1 / Math.sqrt(norm),
                outputSize + d <= keptUpTo);
    }

    private static double sumOfSquares(GaussianStream stream, long count) {
        double norm = 0;
        for (long k = 0; k < count; k++) {
            double z = stream.nextGaussian();
            norm += z * z;
        }
        return norm;
    }

    /** The output projection, as a new array when it is not kept. */
    double[] u() {
        return u != null ? u : drawU();
    }

    /** Twice the output projection, a new array. */
    double[] twiceU() {
        double[] twice = u();
        if (twice == u) {
            twice = u.clone();
        }
        for (int m = 0; m < twice.length; m++) {
            twice[m] *= 2;
        }
        return twice;
    }

    private double[] drawU() {
        double[] out = new double[outputSize];
        if (outputSize == 1) {
            out[0] = 1;
            return out;
        }
        GaussianStream stream = GaussianStream.at(seed, uPlace);
        for (int m = 0; m < outputSize; m++) {
            out[m] = stream.nextGaussian() * uInverse;
        }
        return out;
    }

    private double[][] drawV() {
        double[][] out = new double[sizes.length][];
        Reader reader = v();
        for (int i = 0; i < sizes.length; i++) {
            if (sizes[i] >= 0) {
                out[i] = new double[sizes[i]];
                for (int k = 0; k < sizes[i]; k++) {
                    out[i][k] = reader.next(i, k);
                }
            }
        }
        return out;
    }

    /** Reads the elements of {@code v} in order: input by input, element by element. */
    interface Reader {
        double next(int input, int k);
    }

    /** A reader of {@code v} from its first element. */
    Reader v() {
        if (v != null) {
            return (i, k) -> v[i][k];
        }
        GaussianStream stream = GaussianStream.at(seed, vPlace);
        return (i, k) -> stream.nextGaussian() * vInverse;
    }

    /**
     * {@code u . out} and {@code sum |u_m out_m|}, summed in the order of {@link Prober#project}, so
     * that they are the same bit for bit; a {@code u} not kept is drawn again in blocks of
     * {@value #BLOCK} elements.
     */
    @Override
    public double[] project(double[] out) {
        if (u != null || outputSize == 1) {
            return Prober.projection(u(), out);
        }
        GaussianStream stream = GaussianStream.at(seed, uPlace);
        double[] block = new double[Math.min(BLOCK, out.length)];
        double[] partials = new double[Prober.PARTIALS];
        for (int from = 0; from < out.length; from += BLOCK) {
            int length = Math.min(BLOCK, out.length - from);
            for (int t = 0; t < length; t++) {
                block[t] = stream.nextGaussian() * uInverse;
            }
            Prober.accumulate(block, 0, out, from, length, partials);
        }
        return new double[] {Prober.sum(partials), Prober.magnitude(partials)};
    }
}
