package dev.gradproof.autograd;

/** The notes' {@code f(x) = 1/x}, local gradient {@code -1/x^2}, computed as {@code -y^2} from the output. */
final class Reciprocal extends Op {

    private Reciprocal(Variable x) {
        super("reciprocal", x);
    }

    static Variable apply(Variable x) {
        return new Reciprocal(x).record(x.value().map(v -> 1.0 / v));
    }

    @Override
    protected Variable[] backward(Variable upstream, Variable output) {
        return new Variable[] {upstream.mul(output.square()).neg()};
    }
}
