package dev.gradproof.autograd.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SIMD register tile through the JDK's Vector API: 6 rows by two vectors of the preferred
 * species (6 x 16 doubles with AVX-512, 6 x 8 with AVX2), twelve vector accumulators updated by
 * fused multiply-adds.
 *
 * <p>Only {@link MicroKernels} names this class, and only after finding the incubator module
 * {@code jdk.incubator.vector} in the boot layer: without {@code --add-modules jdk.incubator.vector}
 * it is never loaded and the scalar kernel runs instead.
 */
final class VectorMicroKernel extends MicroKernel {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    private static final int MR = 6;
    private static final int NR = 2 * LANES;

    static final VectorMicroKernel INSTANCE = new VectorMicroKernel();

    private VectorMicroKernel() {
        super(MR, NR, "vector " + SPECIES.vectorBitSize() + "-bit", true);
    }

    /** Lanes of the preferred double species on this machine (8 with AVX-512). */
    static int lanes() {
        return LANES;
    }

    @Override
    void multiplyAdd(int depth, double[] packedA, int aOffset, double[] b, int bOffset, int ldb,
                     double[] c, int cOffset, int ldc) {
        int r0 = cOffset;
        int r1 = r0 + ldc;
        int r2 = r1 + ldc;
        int r3 = r2 + ldc;
        int r4 = r3 + ldc;
        int r5 = r4 + ldc;
        DoubleVector c00 = DoubleVector.fromArray(SPECIES, c, r0);
        DoubleVector c01 = DoubleVector.fromArray(SPECIES, c, r0 + LANES);
        DoubleVector c10 = DoubleVector.fromArray(SPECIES, c, r1);
        DoubleVector c11 = DoubleVector.fromArray(SPECIES, c, r1 + LANES);
        DoubleVector c20 = DoubleVector.fromArray(SPECIES, c, r2);
        DoubleVector c21 = DoubleVector.fromArray(SPECIES, c, r2 + LANES);
        DoubleVector c30 = DoubleVector.fromArray(SPECIES, c, r3);
        DoubleVector c31 = DoubleVector.fromArray(SPECIES, c, r3 + LANES);
        DoubleVector c40 = DoubleVector.fromArray(SPECIES, c, r4);
        DoubleVector c41 = DoubleVector.fromArray(SPECIES, c, r4 + LANES);
        DoubleVector c50 = DoubleVector.fromArray(SPECIES, c, r5);
        DoubleVector c51 = DoubleVector.fromArray(SPECIES, c, r5 + LANES);
        int ai = aOffset;
        int bi = bOffset;
        for (int p = 0; p < depth; p++, ai += MR, bi += ldb) {
            DoubleVector b0 = DoubleVector.fromArray(SPECIES, b, bi);
            DoubleVector b1 = DoubleVector.fromArray(SPECIES, b, bi + LANES);
            DoubleVector a = DoubleVector.broadcast(SPECIES, packedA[ai]);
            c00 = a.fma(b0, c00);
            c01 = a.fma(b1, c01);
            a = DoubleVector.broadcast(SPECIES, packedA[ai + 1]);
            c10 = a.fma(b0, c10);
            c11 = a.fma(b1, c11);
            a = DoubleVector.broadcast(SPECIES, packedA[ai + 2]);
            c20 = a.fma(b0, c20);
            c21 = a.fma(b1, c21);
            a = DoubleVector.broadcast(SPECIES, packedA[ai + 3]);
            c30 = a.fma(b0, c30);
            c31 = a.fma(b1, c31);
            a = DoubleVector.broadcast(SPECIES, packedA[ai + 4]);
            c40 = a.fma(b0, c40);
            c41 = a.fma(b1, c41);
            a = DoubleVector.broadcast(SPECIES, packedA[ai + 5]);
            c50 = a.fma(b0, c50);
            c51 = a.fma(b1, c51);
        }
        c00.intoArray(c, r0);
        c01.intoArray(c, r0 + LANES);
        c10.intoArray(c, r1);
        c11.intoArray(c, r1 + LANES);
        c20.intoArray(c, r2);
        c21.intoArray(c, r2 + LANES);
        c30.intoArray(c, r3);
        c31.intoArray(c, r3 + LANES);
        c40.intoArray(c, r4);
        c41.intoArray(c, r4 + LANES);
        c50.intoArray(c, r5);
        c51.intoArray(c, r5 + LANES);
    }
}
