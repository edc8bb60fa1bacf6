package dev.gradproof.autograd;

/** {@code a + b}, broadcasting. The add gate distributes the upstream, unchanged, to both inputs. */
final class Add extends Op {

    private Add(Variable a, Variable b) {
        super("add", a, b);
    }

    static Variable apply(Variable a, Variable b) {
        return new Add(a, b).record(a.value().plus(b.value()));
    }

    @Override
    protected Variable[] backward(Variable upstream, Variable output) {
        return new Variable[] {
            needsGrad(0) ? upstream.sumToShape(input(0).shape()) : null,
            needsGrad(1) ? upstream.sumToShape(input(1).shape()) : null,
        };
    }
}
