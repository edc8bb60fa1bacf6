package dev.gradproof.autograd;

import dev.gradproof.autograd.kernel.ElementwiseKernels;

/**
 * Hyperbolic tangent, local gradient {@code 1 - tanh(x)^2}, computed from the output.
 *
 * <p>A first-order backward (no graph recorded) is one fused loop, {@code upstream * (1 - y^2)},
 * allocating only its result where the op-by-op form makes three temporaries of the input's size;
 * with {@code createGraph} it is written with differentiable ops so that it can be differentiated
 * again.
 */
final class Tanh extends Op {

    private Tanh(Variable x) {
        super("tanh", x);
    }

    static Variable apply(Variable x) {
        return new Tanh(x).record(x.value().map(Math::tanh));
    }

    @Override
    protected Variable[] backward(Variable upstream, Variable output) {
        if (!GradMode.isEnabled()) {
            double[] y = output.value().data();
            double[] out = new double[y.length];
            ElementwiseKernels.tanhBackward(upstream.value().data(), y, out);
            return new Variable[] {Variable.constant(Tensor.wrap(output.shape(), out))};
        }
        return new Variable[] {upstream.mul(output.square().neg().add(1.0))};
    }
}
