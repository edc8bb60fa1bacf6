package dev.gradproof.gradcheck.function;

import dev.gradproof.autograd.Graph;
import dev.gradproof.autograd.Op;
import dev.gradproof.autograd.Tensor;
import dev.gradproof.autograd.Variable;

import java.util.List;

/**
 * First-order rounding analysis of an autograd-core graph: every computed value {@code v} carries a
 * rounding error of about {@code eps |v|}, which reaches the output scaled by its adjoint, so the
 * output's rounding error is about {@code eps sum |adjoint(v)| |v|}. A sum or matrix product is
 * rounded on the scale of its terms, so for them {@code |v|} is replaced by the sum of the terms'
 * magnitudes ({@code sum |x|}, {@code |x| @ |w|}), which cancellation cannot hide.
 */
final class RoundingScale {

    private RoundingScale() {
    }

    /**
     * {@code sum |d<upstream, out>/dv| |v|} over the computed (non-leaf) nodes behind {@code out},
     * whose graph must have been recorded with every input as a leaf. Runs a backward pass from
     * {@code out}; NaN when the output does not depend on the inputs.
     */
    static double of(Variable out, double[] upstream) {
        return of(out, Tensor.of(upstream, out.shape()));
    }

    /** As {@link #of(Variable, double[])}, with the upstream as a tensor of the output's shape. */
    static double of(Variable out, Tensor upstream) {
        if (!out.requiresGrad()) {
            return Double.NaN;
        }
        out.backward(upstream);
        double total = 0;
        for (Variable node : Graph.topologicalOrder(List.of(out))) {
            if (node.isLeaf()) {
                continue;
            }
            // read in place: for an output of 10,000,000 elements each copy would be 80 MB
            double[] adjoint = node.grad().data();
            double[] magnitude = magnitude(node);
            for (int i = 0; i < adjoint.length; i++) {
                total += Math.abs(adjoint[i]) * Math.abs(magnitude[i]);
            }
        }
        return total;
    }

    /** {@code |v|} or {@code v}, or for a reduction the sum of its terms' magnitudes; never to be written. */
    private static double[] magnitude(Variable node) {
        Op op = node.creator().orElseThrow();
        return switch (op.name()) {
            case "sum" -> abs(op.inputs().get(0).value()).reduceTo(node.shape()).data();
            case "matmul" -> abs(op.inputs().get(0).value()).matmul(abs(op.inputs().get(1).value())).data();
            default -> node.value().data();
        };
    }

    private static Tensor abs(Tensor t) {
        return t.map(Math::abs);
    }
}
