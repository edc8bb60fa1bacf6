package dev.gradproof.autograd;

/** {@code a * b}, broadcasting. The mul gate "swaps": {@code da = upstream * b}, {@code db = upstream * a}. */
final class Mul extends Op {

    private Mul(Variable a, Variable b) {
        super("mul", a, b);
    }

    static Variable apply(Variable a, Variable b) {
        return new Mul(a, b).record(a.value().times(b.value()));
    }

    @Override
    protected Variable[] backward(Variable upstream, Variable output) {
        Variable a = input(0);
        Variable b = input(1);
        return new Variable[] {
            needsGrad(0) ? upstream.mul(b).sumToShape(a.shape()) : null,
            needsGrad(1) ? upstream.mul(a).sumToShape(b.shape()) : null,
        };
    }
}
