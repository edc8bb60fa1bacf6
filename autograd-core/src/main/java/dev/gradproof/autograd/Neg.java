package dev.gradproof.autograd;

/** {@code -x}, local gradient -1. */
final class Neg extends Op {

    private Neg(Variable x) {
        super("neg", x);
    }

    static Variable apply(Variable x) {
        return new Neg(x).record(x.value().map(v -> -v));
    }

    @Override
    protected Variable[] backward(Variable upstream, Variable output) {
        return new Variable[] {upstream.neg()};
    }
}
