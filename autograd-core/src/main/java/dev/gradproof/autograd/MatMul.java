package dev.gradproof.autograd;

/**
 * The matrix product {@code y = x w} of two matrices. Backward, as the notes derive it, is the only
 * product whose shapes match: {@code dL/dx = dL/dy w^T} and {@code dL/dw = x^T dL/dy}.
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
        return new Variable[] {
            needsGrad(0) ? upstream.matmul(w.transpose()) : null,
            needsGrad(1) ? x.transpose().matmul(upstream) : null,
        };
    }
}
