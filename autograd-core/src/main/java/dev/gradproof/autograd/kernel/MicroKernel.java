package dev.gradproof.autograd.kernel;

/**
 * The innermost step of the blocked matrix product: one register tile of {@code rows() x cols()}
 * outputs from packed panels of its operands.
 *
 * <p>{@link Gemm} packs a panel of {@code rows()} rows of the left operand as
 * {@code packedA[aOffset + p * rows() + i]} and a panel of {@code cols()} columns of the right
 * operand as {@code packedB[bOffset + p * cols() + j]}, both padded to full width, so that a
 * kernel reads both with unit stride and keeps the whole tile in registers for the {@code depth}
 * steps. A kernel always computes a full tile, straight-line code without edge cases; {@link Gemm}
 * hands tiles at the right and bottom edges of C over in a scratch tile. Output {@code (i, j)} of
 * a tile must depend only on row {@code i} of the A panel and column {@code j} of the B panel: the
 * padding lanes hold arbitrary values, and reach only the scratch tile's padding, never C.
 */
abstract class MicroKernel {

    private final int rows;
    private final int cols;
    private final String name;

    /**
     * @param rows the tile's rows (MR)
     * @param cols the tile's columns (NR)
     * @param name what computes it, e.g. {@code "scalar"}
     */
    MicroKernel(int rows, int cols, String name) {
        this.rows = rows;
        this.cols = cols;
        this.name = name;
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
     * {@code packedA[aOffset + p * rows() + i] * packedB[bOffset + p * cols() + j]} to
     * {@code c[cOffset + i * ldc + j]} one at a time in increasing {@code p}, the running sum held
     * in a register: over successive depth blocks, each element is the plain left-to-right sum of
     * its products.
     */
    abstract void multiplyAdd(int depth, double[] packedA, int aOffset, double[] packedB, int bOffset,
                     double[] c, int cOffset, int ldc);

    /** A short name for diagnostics and benchmarks, e.g. {@code "scalar 4x4"}. */
    final String describe() {
        return name + " " + rows + "x" + cols;
    }
}
