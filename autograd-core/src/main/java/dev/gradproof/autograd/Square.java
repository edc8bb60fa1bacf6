package dev.gradproof.autograd;

/** {@code x^2}, local gradient {@code 2x}. */
final class Square extends Op {

    private Square(Variable x) {
        super("square", x);
    }

    static Variable apply(Variable x) {
        return new Square(x).record(x.value().map(v -> v * v));
    }

    @Override
    protected Variable[] backward(Variable upstream, Variable output) {
        return new Variable[] {upstream.mul(input(0)).mul(2.0)};
    }
}
