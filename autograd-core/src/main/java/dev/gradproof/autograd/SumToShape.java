package dev.gradproof.autograd;

/**
 * Sums a tensor down to a shape that broadcasts to it: the whole sum (to a scalar), a sum along
 * axes, and the reduction backward uses to undo broadcasting. Its backward broadcasts the
 * upstream back, so sum and broadcast are each other's gradients.
 */
final class SumToShape extends Op {

    private SumToShape(Variable x) {
        super("sum", x);
    }

    static Variable apply(Variable x, Shape target) {
        if (target.equals(x.shape())) {
            return unchanged(x);
        }
        return new SumToShape(x).record(x.value().reduceTo(target));
    }

    @Override
    protected Variable[] backward(Variable upstream, Variable output) {
        return new Variable[] {upstream.broadcastTo(input(0).shape())};
    }
}
