package dev.gradproof.autograd;

/** Natural logarithm, local gradient {@code 1/x}; NaN below 0 and negative infinity at 0, as in IEEE 754. */
final class Log extends Op {

    private Log(Variable x) {
        super("log", x);
    }

    static Variable apply(Variable x) {
        return new Log(x).record(x.value().map(Math::log));
    }

    @Override
    protected Variable[] backward(Variable upstream, Variable output) {
        return new Variable[] {upstream.div(input(0))};
    }
}
