package dev.gradproof.autograd;

/**
 * The matrix product {@code y = x w} of two matrices. Backward, as the notes derive it, is the only
 * product whose shapes match: {@code dL/dx = dL/dy w^T} and {@code dL/dw = x^T dL/dy}.
 *
 * <p>A first-order backward (no graph recorded) computes both products straight from the stored
 * operands, reading the transposes in place; with {@code createGraph} it is written with
 * differentiable ops so that it can be differentiated again.
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
        if (!GradMode.isEnabled()) {
            return new Variable[] {
                needsGrad(0) ? Variable.constant(upstream.value().matmulTransposed(w.value())) : null,
                needsGrad(1) ? Variable.constant(x.value().transposedMatmul(upstream.value())) : null,
            };
        }
        return new Variable[] {
            needsGrad(0) ? upstream.matmul(w.transpose()) : null,
            needsGrad(1) ? x.transpose().matmul(upstream) : null,
        };
    }
}
