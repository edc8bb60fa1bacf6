package dev.gradproof.autograd.kernel;

/**
 * The cache-blocked, packed matrix product {@code C = A B} behind {@link MatMulKernel}, in the
 * layout of Goto's algorithm (as in BLIS and EJML's blocked kernels).
 *
 * <p>The operands are read through strides, so {@code A} or {@code B} may be the transpose of a
 * stored matrix without being copied: element {@code (i, p)} of {@code A} is
 * {@code a[aOffset + i * aRowStride + p * aColStride]}. {@code C} is row-major {@code m x n} at
 * {@code cOffset}. For each block of {@link #NC} columns and {@link #KC} depth, a panel of
 * {@code B} is packed into a per-thread buffer; for each block of {@link #MC} rows, a panel of
 * {@code A}; a {@link MicroKernel} then computes register tiles from the two buffers, which stay in
 * L2 and L1. The packing is a copy of one block at a time, never of a whole operand. A product of
 * at most {@link #MC} rows whose {@code B} is row-major reads {@code B}'s full-width panels in place
 * instead, with a kernel that {@link MicroKernel#readsInPlace() can}: each of its elements is read by
 * a handful of row tiles only, fewer than would pay for the copy (the forward products of a network
 * on a batch of 64, and every small product).
 *
 * <p>Every output element is the left-to-right sum of its {@code k} products (increasing
 * {@code p}, from zero), whatever row range a call computes, so splitting the rows over threads
 * changes no bit of the result. With the scalar kernel that is exactly the plain triple loop's
 * result; the SIMD kernel fuses each multiply-add (one rounding instead of two).
 */
final class Gemm {

    /** Depth of a block: a packed A panel of MR x KC and B panel of KC x NR stay in L1. */
    static final int KC = 256;
    /** Rows of a block of A (a multiple of every kernel's MR): MC x KC doubles stay in L2. */
    static final int MC = 96;
    /** Columns of a block of B: KC x NC doubles stay in L3. */
    static final int NC = 2048;

    /** Per thread: the packed A block, the packed B block, the scratch tile for edges of C. */
    private static final ThreadLocal<double[][]> BUFFERS = ThreadLocal.withInitial(() -> new double[3][0]);

    private Gemm() {
    }

    /**
     * Writes rows {@code [rowStart, rowEnd)} of {@code C = A B}, overwriting them. With {@code k == 0}
     * the rows become zeros (the empty sum).
     */
    static void multiplyRows(MicroKernel kernel,
                             double[] a, int aOffset, int aRowStride, int aColStride,
                             double[] b, int bOffset, int bRowStride, int bColStride,
                             double[] c, int cOffset, int m, int k, int n, int rowStart, int rowEnd) {
        java.util.Arrays.fill(c, cOffset + rowStart * n, cOffset + rowEnd * n, 0.0);
        if (k == 0) {
            return;
        }
        int mr = kernel.rows();
        int nr = kernel.cols();
        double[][] buffers = BUFFERS.get();
        double[] packedA = buffer(buffers, 0, MC * KC);
        double[] packedB = buffer(buffers, 1, KC * roundUp(Math.min(n, NC), nr));
        double[] edge = buffer(buffers, 2, mr * nr);

        // B read in place: for the few row tiles of a single row block, packing B would copy each of its
        // elements to read it a handful of times; only a last, partial panel is packed (padded)
        boolean bInPlace = kernel.readsInPlace() && bColStride == 1 && rowEnd - rowStart <= MC;
        for (int jc = 0; jc < n; jc += NC) {
            int nc = Math.min(NC, n - jc);
            int fullPanels = bInPlace ? nc / nr * nr : 0;
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                int bBlock = bOffset + pc * bRowStride + jc * bColStride;
                packPanels(b, bBlock + fullPanels * bColStride, bColStride, bRowStride, nc - fullPanels, kc, nr,
                        packedB);
                for (int ic = rowStart; ic < rowEnd; ic += MC) {
                    int mc = Math.min(MC, rowEnd - ic);
                    packPanels(a, aOffset + ic * aRowStride + pc * aColStride, aRowStride, aColStride,
                            mc, kc, mr, packedA);
                    for (int jr = 0; jr < nc; jr += nr) {
                        int cols = Math.min(nr, nc - jr);
                        boolean inPlace = jr < fullPanels;
                        double[] panel = inPlace ? b : packedB;
                        int bAt = inPlace ? bBlock + jr : ((jr - fullPanels) / nr) * kc * nr;
                        int ldb = inPlace ? bRowStride : nr;
                        for (int ir = 0; ir < mc; ir += mr) {
                            int rows = Math.min(mr, mc - ir);
                            int aAt = (ir / mr) * kc * mr;
                            int cAt = cOffset + (ic + ir) * n + jc + jr;
                            if (rows == mr && cols == nr) {
                                kernel.multiplyAdd(kc, packedA, aAt, panel, bAt, ldb, c, cAt, n);
                            } else {
                                copyTile(c, cAt, n, edge, 0, nr, rows, cols);
                                kernel.multiplyAdd(kc, packedA, aAt, panel, bAt, ldb, edge, 0, nr);
                                copyTile(edge, 0, nr, c, cAt, n, rows, cols);
                            }
                        }
                    }
                }
            }
        }
    }

    /** Buffer {@code i} of this thread's {@code buffers}, grown to at least {@code size} doubles (never shrunk). */
    private static double[] buffer(double[][] buffers, int i, int size) {
        if (buffers[i].length < size) {
            buffers[i] = new double[size];
        }
        return buffers[i];
    }

    /**
     * Packs a block of {@code width} lines (rows of A or columns of B) by {@code depth} into panels of
     * {@code lanes} lines: line {@code l}, depth {@code p} goes to
     * {@code packed[(l / lanes) * depth * lanes + p * lanes + l % lanes]}. {@code lineStride} steps
     * from line to line, {@code depthStride} along one; one of them is 1, as every operand is a
     * row-major matrix or the transpose of one.
     *
     * <p>The lanes of a last, partial panel beyond {@code width} keep whatever they held: each
     * element of a register tile reads only its own row of A and column of B, so those lanes feed
     * only the tile's padding, which {@link #multiplyRows} never copies into C.
     */
    private static void packPanels(double[] src, int srcOffset, int lineStride, int depthStride,
                                   int width, int depth, int lanes, double[] packed) {
        int at = 0;
        for (int l0 = 0; l0 < width; l0 += lanes) {
            int lines = Math.min(lanes, width - l0);
            if (depthStride == 1) {
                for (int l = 0; l < lines; l++) {
                    int from = srcOffset + (l0 + l) * lineStride;
                    for (int p = 0; p < depth; p++) {
                        packed[at + p * lanes + l] = src[from + p];
                    }
                }
            } else {
                for (int p = 0; p < depth; p++) {
                    int from = srcOffset + p * depthStride + l0;
                    int to = at + p * lanes;
                    for (int l = 0; l < lines; l++) {
                        packed[to + l] = src[from + l];
                    }
                }
            }
            at += depth * lanes;
        }
    }

    /**
     * Copies a {@code rows x cols} tile between row-major arrays of row lengths {@code fromLd} and
     * {@code toLd}.
     */
    private static void copyTile(double[] from, int fromAt, int fromLd, double[] to, int toAt, int toLd,
                                 int rows, int cols) {
        for (int i = 0; i < rows; i++) {
            System.arraycopy(from, fromAt + i * fromLd, to, toAt + i * toLd, cols);
        }
    }

    /** {@code value} rounded up to a multiple of {@code multiple}. */
    static int roundUp(int value, int multiple) {
        return (value + multiple - 1) / multiple * multiple;
    }
}
