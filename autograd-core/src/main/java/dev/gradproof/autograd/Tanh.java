package dev.gradproof.autograd;

/** Hyperbolic tangent, local gradient {@code 1 - tanh(x)^2}, computed from the output. */
final class Tanh extends Op {

    private Tanh(Variable x) {
        super("tanh", x);
    }

    static Variable apply(Variable x) {
        return new Tanh(x).record(x.value().map(Math::tanh));
    }

    @Override
    protected Variable[] backward(Variable upstream, Variable output) {
        return new Variable[] {upstream.mul(output.square().neg().add(1.0))};
    }
}
