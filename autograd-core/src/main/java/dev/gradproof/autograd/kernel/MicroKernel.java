package dev.gradproof.autograd.kernel;

/**
 * The innermost step of the blocked matrix product: one register tile of {@code rows() x cols()}
 * outputs from a packed panel of its left operand and a panel of its right one.
 *
 * <p>{@link Gemm} packs a panel of {@code rows()} rows of the left operand as
 * {@code packedA[aOffset + p * rows() + i]}, padded to full width; the right operand's
 * {@code cols()} columns are read as {@code b[bOffset + p * ldb + j]}: a packed, padded panel
 * ({@code ldb == cols()}) or, for a kernel that {@link #readsInPlace()}, the rows of a row-major
 * matrix in place ({@code ldb} its row length).
 * A kernel reads both with unit stride along the tile and keeps the whole tile in registers for
 * the {@code depth} steps. A kernel always computes a full tile, straight-line code without edge cases; {@link Gemm}
 * hands tiles at the right and bottom edges of C over in a scratch tile. Output {@code (i, j)} of
 * a tile must depend only on row {@code i} of the A panel and column {@code j} of the B panel: the
 * padding lanes hold arbitrary values, and reach only the scratch tile's padding, never C.
 */
abstract class MicroKernel {

    private final int rows;
    private final int cols;
    private final String name;
    private final boolean readsInPlace;

    /**
     * @param rows the tile's rows (MR)
     * @param cols the tile's columns (NR)
     * @param name what computes it, e.g. {@code "scalar"}
     * @param readsInPlace whether {@link #multiplyAdd} takes any {@code ldb}, or only packed panels
     */
    MicroKernel(int rows, int cols, String name, boolean readsInPlace) {
        this.rows = rows;
        this.cols = cols;
        this.name = name;
        this.readsInPlace = readsInPlace;
    }

    /**
     * Whether B may be read in place, any {@code ldb}; false when the kernel takes packed panels only
     * ({@code ldb == cols()}), as the scalar one does: the JIT drops its per-load bounds checks only for
     * a constant stride, and a variable one cost it a tenth of its speed.
     */
    final boolean readsInPlace() {
        return readsInPlace;
    }

    /** Rows of the register tile (MR). */
    final int rows() {
        return rows;
    }

    /** Columns of the register tile (NR). */
    final int cols() {
        return cols;
    }

    /**
     * For every {@code i < rows()}, {@code j < cols()}, adds the products
     * {@code packedA[aOffset + p * rows() + i] * b[bOffset + p * ldb + j]} to
     * {@code c[cOffset + i * ldc + j]} one at a time in increasing {@code p}, the running sum held
     * in a register: over successive depth blocks, each element is the plain left-to-right sum of
     * its products.
     */
    abstract void multiplyAdd(int depth, double[] packedA, int aOffset, double[] b, int bOffset, int ldb,
                     double[] c, int cOffset, int ldc);

    /** A short name for diagnostics and benchmarks, e.g. {@code "scalar 4x4"}. */
    final String describe() {
        return name + " " + rows + "x" + cols;
    }
}
