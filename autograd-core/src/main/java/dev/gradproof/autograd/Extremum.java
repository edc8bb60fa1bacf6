package dev.gradproof.autograd;

/**
 * Elementwise maximum or minimum of two tensors, broadcasting. The max gate routes the upstream,
 * unchanged, to the input that won; the other gets zero. Branches: 0 where the first input won,
 * 1 where the second did. A tie is won by the first input, so at a tie the first input gets the
 * whole upstream and the second none. A NaN in either input gives NaN.
 */
final class Extremum extends PiecewiseOp {

    private static final String LEGEND_MAX =
            "0: a >= b, upstream to a (a tie goes to a); 1: a < b, upstream to b; -1: NaN";
    private static final String LEGEND_MIN =
            "0: a <= b, upstream to a (a tie goes to a); 1: a > b, upstream to b; -1: NaN";

    private Extremum(String name, String legend, Variable a, Variable b, int[] branches) {
        super(name, branches, legend, a, b);
    }

    static Variable maximum(Variable a, Variable b) {
        return apply("maximum", LEGEND_MAX, a, b, 1.0);
    }

    static Variable minimum(Variable a, Variable b) {
        return apply("minimum", LEGEND_MIN, a, b, -1.0);
    }

    private static Variable apply(String name, String legend, Variable a, Variable b, double sign) {
        Shape shape = Shape.broadcast(a.shape(), b.shape(), name);
        double[] av = a.value().broadcastTo(shape).data();
        double[] bv = b.value().broadcastTo(shape).data();
        int[] branches = new int[av.length];
        double[] out = new double[av.length];
        for (int i = 0; i < out.length; i++) {
            double x = sign * av[i];
            double y = sign * bv[i];
            branches[i] = x >= y ? 0 : x < y ? 1 : NAN_BRANCH;
            out[i] = branches[i] == 0 ? av[i] : branches[i] == 1 ? bv[i] : Double.NaN;
        }
        return new Extremum(name, legend, a, b, branches).record(Tensor.wrap(shape, out));
    }

    @Override
    protected Variable[] backward(Variable upstream, Variable output) {
        return new Variable[] {
            needsGrad(0) ? upstream.mul(perBranch(output.shape(), 1.0, 0.0)).sumToShape(input(0).shape()) : null,
            needsGrad(1) ? upstream.mul(perBranch(output.shape(), 0.0, 1.0)).sumToShape(input(1).shape()) : null,
        };
    }
}
