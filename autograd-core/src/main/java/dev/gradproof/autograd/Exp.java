package dev.gradproof.autograd;

/** The notes' {@code f(x) = e^x}, local gradient {@code e^x}: the output itself. */
final class Exp extends Op {

    private Exp(Variable x) {
        super("exp", x);
    }

    static Variable apply(Variable x) {
        return new Exp(x).record(x.value().map(Math::exp));
    }

    @Override
    protected Variable[] backward(Variable upstream, Variable output) {
        return new Variable[] {upstream.mul(output)};
    }
}
