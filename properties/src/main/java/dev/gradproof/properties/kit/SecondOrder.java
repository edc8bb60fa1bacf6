package dev.gradproof.properties.kit;

import dev.gradproof.autograd.Tensor;
import dev.gradproof.properties.engine.AutogradAdapter;
import dev.gradproof.properties.engine.DenseArray;
import dev.gradproof.properties.engine.OpCall;
import dev.gradproof.properties.engine.Ops;
import dev.gradproof.properties.generators.TensorArbitrary;
import dev.gradproof.properties.graph.DenseArrays;
import dev.gradproof.properties.graph.Evaluation;
import dev.gradproof.properties.graph.GraphFunction;
import dev.gradproof.properties.graph.GraphSpec;
import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;
import org.apache.commons.math3.analysis.differentiation.FiniteDifferencesDifferentiator;
import org.apache.commons.math3.analysis.differentiation.UnivariateDifferentiableVectorFunction;

import java.util.ArrayList;
import java.util.List;

/**
 * The second-order invariant: a Hessian-vector product {@code H v}, computed by differentiating
 * {@code <grad f, v>} through the engine's differentiable gradients, equals the directional
 * derivative of the gradient along {@code v}, estimated by Commons Math's 5-point central
 * finite-difference stencil.
 */
final class SecondOrder {

    /** The stencil's step along {@code v}; see {@link #TOLERANCE_RELATIVE}. */
    static final double STEP = 1e-3;

    /**
     * The 5-point stencil's error is at most {@code h^4/30 |g^(5)| + (3/2) e/h}, with {@code e} the
     * absolute rounding error of one gradient evaluation (about 1e-13 of the gradient's size on
     * these bounded graphs). With {@code h = 1e-3} that is about 1e-10 of the gradient's size plus
     * 3e-14 times the fifth derivative, which stays moderate because every value is bounded by
     * construction. A tolerance of 1e-6 of the largest of the gradient, H v and the estimate leaves
     * a margin of more than 1e3; a wrong second derivative (a missing or swapped term) is off by
     * an amount of the order of H v itself. Where the fifth derivative is large, the difference
     * between the estimates at h and 2h is added, element by element, as the estimate's own error.
     */
    static final double TOLERANCE_RELATIVE = 1e-6;
    /** An absolute floor for graphs whose gradients and curvature are all near zero. */
    static final double TOLERANCE_ABSOLUTE = 1e-9;

    private SecondOrder() {
    }

    static <V> void check(String invariant, AutogradAdapter<V> engine, GraphSpec spec, List<Double> pool) {
        List<Integer> leaves = spec.gradLeafIndices();
        List<Tensor> directions = new ArrayList<>();
        for (int leaf : leaves) {
            directions.add(TensorArbitrary.fill(spec.leaf(leaf).shape(), pool));
        }
        List<DenseArray> hv = hessianTimes(engine, spec, leaves, directions);
        GraphFunction f = GraphFunction.of(spec, engine);
        double[][] fd = gradientDerivative(f, leaves, directions, STEP);
        double[][] coarse = gradientDerivative(f, leaves, directions, 2 * STEP);
        double[][] gradient = flatGradient(f, leaves, directions, 0.0);
        double scale = 0;
        for (int i = 0; i < leaves.size(); i++) {
            scale = Math.max(scale, Math.max(Tolerance.maxAbs(hv.get(i).data()),
                    Math.max(Tolerance.maxAbs(fd[i]), Tolerance.maxAbs(gradient[i]))));
        }
        double bound = TOLERANCE_RELATIVE * scale + TOLERANCE_ABSOLUTE;
        for (int i = 0; i < leaves.size(); i++) {
            var leaf = spec.leaf(leaves.get(i));
            // The stencil's truncation error is O(h^4): the estimates at h and 2h differ by about 15
            // times the error at h, so their difference is a safe bound for it, element by element.
            double[] estimate = fd[i];
            double[] errorOfEstimate = new double[estimate.length];
            for (int j = 0; j < estimate.length; j++) {
                errorOfEstimate[j] = Math.abs(estimate[j] - coarse[i][j]);
            }
            Check.close(invariant, "H v for " + leaf.name() + " (finite differences of the gradient along v = "
                    + directions.get(i) + ")", hv.get(i), estimate, leaf.shape().dims(),
                    (actual, expected) -> {
                        double[] allowed = new double[actual.length];
                        for (int j = 0; j < allowed.length; j++) {
                            allowed[j] = bound + errorOfEstimate[j];
                        }
                        return allowed;
                    }, spec);
        }
    }

    /** {@code H v} by backward through {@code sum_i <g_i, v_i>}, with g the differentiable gradient. */
    private static <V> List<DenseArray> hessianTimes(AutogradAdapter<V> engine, GraphSpec spec, List<Integer> leaves,
                                                     List<Tensor> directions) {
        Evaluation<V> evaluation = spec.evaluate(engine);
        List<V> leafNodes = new ArrayList<>();
        leaves.forEach(leaf -> leafNodes.add(evaluation.node(leaf)));
        List<V> gradients = engine.gradientsWithGraph(evaluation.output(), leafNodes);
        // 0 * x0 makes the sum depend on a leaf even when every gradient is constant (a linear
        // graph, whose H v is 0); it adds exactly 0 to every second derivative.
        V first = leafNodes.get(0);
        V zeros = engine.leaf("zeros", DenseArrays.of(Tensor.zeros(spec.leaf(leaves.get(0)).shape())));
        V total = engine.apply(OpCall.of(Ops.SUM), List.of(engine.apply(OpCall.of(Ops.MUL), List.of(first, zeros))));
        for (int i = 0; i < leaves.size(); i++) {
            V v = engine.leaf("v" + i, DenseArrays.of(directions.get(i)));
            V dot = engine.apply(OpCall.of(Ops.SUM), List.of(engine.apply(OpCall.of(Ops.MUL), List.of(gradients.get(i), v))));
            total = engine.apply(OpCall.of(Ops.ADD), List.of(total, dot));
        }
        engine.backward(total, DenseArray.scalar(1.0));
        List<DenseArray> hv = new ArrayList<>();
        leafNodes.forEach(node -> hv.add(engine.grad(node)));
        return hv;
    }

    /** {@code d/dt grad f(x + t v)} at {@code t = 0}, per leaf, by the 5-point stencil. */
    private static double[][] gradientDerivative(GraphFunction f, List<Integer> leaves, List<Tensor> directions,
                                                 double step) {
        int total = directions.stream().mapToInt(Tensor::size).sum();
        UnivariateDifferentiableVectorFunction derivative = new FiniteDifferencesDifferentiator(5, step)
                .differentiate((double t) -> concat(flatGradient(f, leaves, directions, t), total));
        DerivativeStructure[] at = derivative.value(new DerivativeStructure(1, 1, 0, 0.0));
        double[][] out = new double[leaves.size()][];
        int offset = 0;
        for (int i = 0; i < leaves.size(); i++) {
            out[i] = new double[directions.get(i).size()];
            for (int j = 0; j < out[i].length; j++) {
                out[i][j] = at[offset++].getPartialDerivative(1);
            }
        }
        return out;
    }

    /** The gradient of every grad leaf at {@code x + t v}. */
    private static double[][] flatGradient(GraphFunction f, List<Integer> leaves, List<Tensor> directions, double t) {
        List<double[]> moved = new ArrayList<>();
        for (int k = 0; k < leaves.size(); k++) {
            moved.add(f.spec().leaf(leaves.get(k)).value().plus(directions.get(k).times(t)).toArray());
        }
        return f.gradient(moved).toArray(double[][]::new);
    }

    private static double[] concat(double[][] parts, int total) {
        double[] out = new double[total];
        int offset = 0;
        for (double[] part : parts) {
            System.arraycopy(part, 0, out, offset, part.length);
            offset += part.length;
        }
        return out;
    }
}
