package dev.gradproof.autograd;

/**
 * The matrix product {@code y = x w} of two matrices, or of a batch {@code x [B, m, k]} with one
 * matrix {@code w [k, n]} or a batch {@code w [B, k, n]}. Backward, as the notes derive it, is the
 * only product whose shapes match, per batch element: {@code dL/dx = dL/dy w^T} and
 * {@code dL/dw = x^T dL/dy}, summed over the batch when one {@code w} served every element; both
 * written with differentiable ops, so second order comes free.
 *
 * <p>A first-order backward of two matrices (no graph recorded) computes both products straight
 * from the stored operands, reading the transposes in place.
 */
final class MatMul extends Op {

    private MatMul(Variable x, Variable w) {
        super("matmul", x, w);
    }

    static Variable apply(Variable x, Variable w) {
        return new MatMul(x, w).record(x.value().matmul(w.value()));
    }

    @Override
    protected Variable[] backward(Variable upstream, Variable output) {
        Variable x = input(0);
        Variable w = input(1);
        int xRank = x.shape().rank();
        int wRank = w.shape().rank();
        // Two matrices (a matrix x takes only a matrix w), first order: the products read in place.
        if (!GradMode.isEnabled() && xRank == 2) {
            return new Variable[] {
                needsGrad(0) ? Variable.constant(upstream.value().matmulTransposed(w.value())) : null,
                needsGrad(1) ? Variable.constant(x.value().transposedMatmul(upstream.value())) : null,
            };
        }
        Variable dw = null;
        if (needsGrad(1)) {
            dw = lastTwoSwapped(x).matmul(upstream);
            if (xRank == 3 && wRank == 2) {
                dw = dw.sum(0, false);
            }
        }
        return new Variable[] {
            needsGrad(0) ? upstream.matmul(lastTwoSwapped(w)) : null,
            dw,
        };
    }

    /** The last two axes swapped: the transpose of a matrix, or of each matrix of a batch. */
    private static Variable lastTwoSwapped(Variable v) {
        int rank = v.shape().rank();
        return v.transpose(rank - 2, rank - 1);
    }
}
