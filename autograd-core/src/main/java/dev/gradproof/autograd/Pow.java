package dev.gradproof.autograd;

/** {@code x^p} for a constant {@code p}, local gradient {@code p x^(p-1)} (exactly 0 when {@code p = 0}). */
final class Pow extends Op {

    private final double p;

    private Pow(Variable x, double p) {
        super("pow", x);
        this.p = p;
    }

    static Variable apply(Variable x, double p) {
        return new Pow(x, p).record(x.value().map(v -> Math.pow(v, p)));
    }

    @Override
    protected Variable[] backward(Variable upstream, Variable output) {
        if (p == 0) {
            return new Variable[] {upstream.mul(0.0)};
        }
        return new Variable[] {upstream.mul(input(0).pow(p - 1)).mul(p)};
    }
}
