package dev.gradproof.autograd;

/** {@code a / b}, broadcasting: {@code da = upstream / b}, {@code db = -upstream * (a / b) / b}. */
final class Div extends Op {

    private Div(Variable a, Variable b) {
        super("div", a, b);
    }

    static Variable apply(Variable a, Variable b) {
        return new Div(a, b).record(a.value().zip(b.value(), "div", (x, y) -> x / y));
    }

    @Override
    protected Variable[] backward(Variable upstream, Variable output) {
        Variable a = input(0);
        Variable b = input(1);
        return new Variable[] {
            needsGrad(0) ? upstream.div(b).sumToShape(a.shape()) : null,
            needsGrad(1) ? upstream.mul(output).div(b).neg().sumToShape(b.shape()) : null,
        };
    }
}
