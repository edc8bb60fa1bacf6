package dev.gradproof.autograd.kernel;

/**
 * The portable register tile: 4 x 4 outputs in sixteen local {@code double}s, a multiply and an
 * add per term (no fused multiply-add, whose software emulation would be slow on hardware
 * without it). The fallback when the JDK's Vector API is absent.
 */
final class ScalarMicroKernel extends MicroKernel {

    static final ScalarMicroKernel INSTANCE = new ScalarMicroKernel();

    private static final int MR = 4;
    private static final int NR = 4;

    private ScalarMicroKernel() {
        super(MR, NR, "scalar", false);
    }

    @Override
    void multiplyAdd(int depth, double[] packedA, int aOffset, double[] b, int bOffset, int ldb,
                     double[] c, int cOffset, int ldc) {
        int r0 = cOffset;
        int r1 = r0 + ldc;
        int r2 = r1 + ldc;
        int r3 = r2 + ldc;
        double c00 = c[r0], c01 = c[r0 + 1], c02 = c[r0 + 2], c03 = c[r0 + 3];
        double c10 = c[r1], c11 = c[r1 + 1], c12 = c[r1 + 2], c13 = c[r1 + 3];
        double c20 = c[r2], c21 = c[r2 + 1], c22 = c[r2 + 2], c23 = c[r2 + 3];
        double c30 = c[r3], c31 = c[r3 + 1], c32 = c[r3 + 2], c33 = c[r3 + 3];
        int ai = aOffset;
        int bi = bOffset;
        for (int p = 0; p < depth; p++, ai += MR, bi += NR) {   // ldb == NR: packed panels only
            double a0 = packedA[ai];
            double a1 = packedA[ai + 1];
            double a2 = packedA[ai + 2];
            double a3 = packedA[ai + 3];
            double b0 = b[bi];
            double b1 = b[bi + 1];
            double b2 = b[bi + 2];
            double b3 = b[bi + 3];
            c00 += a0 * b0;
            c01 += a0 * b1;
            c02 += a0 * b2;
            c03 += a0 * b3;
            c10 += a1 * b0;
            c11 += a1 * b1;
            c12 += a1 * b2;
            c13 += a1 * b3;
            c20 += a2 * b0;
            c21 += a2 * b1;
            c22 += a2 * b2;
            c23 += a2 * b3;
            c30 += a3 * b0;
            c31 += a3 * b1;
            c32 += a3 * b2;
            c33 += a3 * b3;
        }
        c[r0] = c00;
        c[r0 + 1] = c01;
        c[r0 + 2] = c02;
        c[r0 + 3] = c03;
        c[r1] = c10;
        c[r1 + 1] = c11;
        c[r1 + 2] = c12;
        c[r1 + 3] = c13;
        c[r2] = c20;
        c[r2 + 1] = c21;
        c[r2 + 2] = c22;
        c[r2 + 3] = c23;
        c[r3] = c30;
        c[r3 + 1] = c31;
        c[r3 + 2] = c32;
        c[r3 + 3] = c33;
    }
}
