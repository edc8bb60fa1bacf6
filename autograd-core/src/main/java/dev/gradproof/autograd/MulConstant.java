package dev.gradproof.autograd;

/** The notes' {@code f_a(x) = a x}, local gradient {@code a}. */
final class MulConstant extends Op {

    private final double a;

    private MulConstant(Variable x, double a) {
        super("mulConstant", x);
        this.a = a;
    }

    static Variable apply(Variable x, double a) {
        return new MulConstant(x, a).record(x.value().times(a));
    }

    @Override
    protected Variable[] backward(Variable upstream, Variable output) {
        return new Variable[] {upstream.mul(a)};
    }
}
