package dev.gradproof.autograd;

import dev.gradproof.autograd.kernel.ElementwiseKernels;

/**
 * The logistic sigmoid as one fused gate, as the notes recommend: local gradient
 * {@code (1 - sigma(x)) sigma(x)}, computed from the output. The forward pass never evaluates
 * {@code e^x} for large positive {@code x}, so it is finite for every finite input.
 *
 * <p>A first-order backward (no graph recorded) is one fused loop,
 * {@code upstream * (1 - y) * y}, instead of four ops and three temporaries; with
 * {@code createGraph} it is written with differentiable ops so that it can be differentiated again.
 */
final class Sigmoid extends Op {

    private Sigmoid(Variable x) {
        super("sigmoid", x);
    }

    static double sigma(double v) {
        if (v >= 0) {
            return 1.0 / (1.0 + Math.exp(-v));
        }
        double e = Math.exp(v);
        return e / (1.0 + e);
    }

    static Variable apply(Variable x) {
        return new Sigmoid(x).record(x.value().map(Sigmoid::sigma));
    }

    @Override
    protected Variable[] backward(Variable upstream, Variable output) {
        if (!GradMode.isEnabled()) {
            double[] y = output.value().data();
            double[] out = new double[y.length];
            ElementwiseKernels.sigmoidBackward(upstream.value().data(), y, out);
            return new Variable[] {Variable.constant(Tensor.wrap(output.shape(), out))};
        }
        Variable oneMinus = output.neg().add(1.0);
        return new Variable[] {upstream.mul(oneMinus.mul(output))};
    }
}
