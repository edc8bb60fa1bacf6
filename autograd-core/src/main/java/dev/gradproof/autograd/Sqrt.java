package dev.gradproof.autograd;

/** Square root, local gradient {@code 1 / (2 sqrt(x))}, computed from the output. */
final class Sqrt extends Op {

    private Sqrt(Variable x) {
        super("sqrt", x);
    }

    static Variable apply(Variable x) {
        return new Sqrt(x).record(x.value().map(Math::sqrt));
    }

    @Override
    protected Variable[] backward(Variable upstream, Variable output) {
        return new Variable[] {upstream.div(output.mul(2.0))};
    }
}
