package dev.gradproof.autograd;

/** The same elements in another shape; backward reshapes the upstream back. */
final class Reshape extends Op {

    private Reshape(Variable x) {
        super("reshape", x);
    }

    static Variable apply(Variable x, Shape target) {
        if (target.equals(x.shape())) {
            return unchanged(x);
        }
        return new Reshape(x).record(x.value().reshape(target));
    }

    @Override
    protected Variable[] backward(Variable upstream, Variable output) {
        return new Variable[] {upstream.reshape(input(0).shape())};
    }
}
