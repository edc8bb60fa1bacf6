package dev.gradproof.autograd;

/** {@code a - b}, broadcasting: the upstream to {@code a}, its negation to {@code b}. */
final class Sub extends Op {

    private Sub(Variable a, Variable b) {
        super("sub", a, b);
    }

    static Variable apply(Variable a, Variable b) {
        return new Sub(a, b).record(a.value().minus(b.value()));
    }

    @Override
    protected Variable[] backward(Variable upstream, Variable output) {
        return new Variable[] {
            needsGrad(0) ? upstream.sumToShape(input(0).shape()) : null,
            needsGrad(1) ? upstream.neg().sumToShape(input(1).shape()) : null,
        };
    }
}
