package dev.gradproof.autograd;

/** Repeats a tensor along broadcast dimensions; backward sums the upstream back to the input's shape. */
final class BroadcastTo extends Op {

    private BroadcastTo(Variable x) {
        super("broadcastTo", x);
    }

    static Variable apply(Variable x, Shape target) {
        if (target.equals(x.shape())) {
            return unchanged(x);
        }
        return new BroadcastTo(x).record(x.value().broadcastTo(target));
    }

    @Override
    protected Variable[] backward(Variable upstream, Variable output) {
        return new Variable[] {upstream.sumToShape(input(0).shape())};
    }
}
