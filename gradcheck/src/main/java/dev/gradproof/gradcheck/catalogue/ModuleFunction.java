package dev.gradproof.gradcheck.catalogue;

import dev.gradproof.autograd.Autograd;
import dev.gradproof.autograd.GradMode;
import dev.gradproof.autograd.Scope;
import dev.gradproof.autograd.Shape;
import dev.gradproof.autograd.Tensor;
import dev.gradproof.autograd.Variable;
import dev.gradproof.gradcheck.function.AutogradFunction;
import dev.gradproof.gradcheck.function.CheckedFunction;
import dev.gradproof.gradcheck.function.DoubleBackward;
import dev.gradproof.gradcheck.function.Evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * An {@code nn} module (a {@code Linear} layer, a {@code Network}) checked through the parameters it
 * owns. A module makes its own leaves ({@code Parameter}s), so it cannot be handed the checker's
 * variables; instead it is built afresh at every point, with its parameters set to the point's
 * values, and its gradients are the ones a user gets: the backward pass from its output to its own
 * leaves. Kinks are named from the module's graph as for any autograd-core function.
 *
 * <p>Second order ({@link #doubleBackward}): the backward pass recorded with {@code createGraph} and
 * differentiated again with respect to the parameters and the upstream.
 */
final class ModuleFunction implements CheckedFunction {

    /**
     * A module built at one point.
     *
     * @param output the module's output (its scores, or its loss)
     * @param leaves per input, the leaf that stands for it (a parameter's variable, or {@code x}), or
     *               null for data
     */
    record Bound(Variable output, List<Variable> leaves) {
    }

    private final Function<List<Tensor>, Bound> build;
    private final List<Shape> shapes;

    /**
     * @param build  builds the module from the inputs' values, in order, and applies it
     * @param shapes the inputs' shapes
     */
    ModuleFunction(Function<List<Tensor>, Bound> build, List<Shape> shapes) {
        this.build = build;
        this.shapes = List.copyOf(shapes);
    }

    private Bound bind(double[][] point) {
        List<Tensor> values = new ArrayList<>(point.length);
        for (int i = 0; i < point.length; i++) {
            values.add(Tensor.of(point[i], shapes.get(i)));
        }
        try (Scope ignored = GradMode.enableGrad()) {
            Bound bound = build.apply(values);
            if (bound.leaves().size() != point.length) {
                throw new IllegalStateException("module: " + bound.leaves().size() + " leaves for " + point.length
                        + " inputs");
            }
            return bound;
        }
    }

    /** The leaves of the differentiated inputs, in order. */
    private static List<Variable> differentiated(Bound bound, boolean[] wrt) {
        List<Variable> leaves = new ArrayList<>();
        for (int i = 0; i < wrt.length; i++) {
            if (wrt[i]) {
                Variable leaf = bound.leaves().get(i);
                if (leaf == null) {
                    throw new IllegalArgumentException("module: input " + i + " is data and cannot be differentiated");
                }
                leaves.add(leaf);
            }
        }
        return leaves;
    }

    /** Gradients per input, in input order, null for inputs not differentiated. */
    private static double[][] scatter(List<Variable> grads, boolean[] wrt, int size) {
        double[][] out = new double[size][];
        int g = 0;
        for (int i = 0; i < wrt.length; i++) {
            if (wrt[i]) {
                out[i] = grads.get(g++).value().toArray();
            }
        }
        return out;
    }

    @Override
    public Evaluation evaluate(double[][] point, boolean[] wrt) {
        Variable out = bind(point).output();
        return new Evaluation(out.value().toArray(), out.shape().dims(), AutogradFunction.branchRecord(out));
    }

    @Override
    public double[][] vectorJacobianProduct(double[][] point, double[] upstream, boolean[] wrt) {
        Bound bound = bind(point);
        List<Variable> leaves = differentiated(bound, wrt);
        Variable out = bound.output();
        List<Variable> grads = Autograd.grad(out, leaves, Variable.constant(Tensor.of(upstream, out.shape())), false);
        return scatter(grads, wrt, point.length);
    }

    /**
     * The second-order backward pass ({@link DoubleBackward}): the derivatives of
     * {@code sum_i <w_i, dL/dx_i>} with respect to every differentiated input and to the upstream.
     */
    double[][] doubleBackward(double[][] point, double[] upstream, double[][] gradientUpstreams) {
        boolean[] wrt = new boolean[point.length];
        for (int i = 0; i < wrt.length; i++) {
            wrt[i] = gradientUpstreams[i] != null;
        }
        Bound bound = bind(point);
        List<Variable> leaves = differentiated(bound, wrt);
        Variable out = bound.output();
        Variable up = Variable.leaf("upstream", Tensor.of(upstream, out.shape()));
        List<Variable> targets = new ArrayList<>(leaves);
        targets.add(up);
        List<Variable> second;
        try (Scope ignored = GradMode.enableGrad()) {
            List<Variable> grads = Autograd.grad(out, leaves, up, true);
            Variable s = Variable.constant(0.0);
            int g = 0;
            for (int i = 0; i < wrt.length; i++) {
                if (wrt[i]) {
                    Variable w = Variable.constant(Tensor.of(gradientUpstreams[i], shapes.get(i)));
                    s = s.add(grads.get(g++).mul(w).sum());
                }
            }
            second = s.requiresGrad() ? Autograd.grad(s, targets, false) : zeros(targets);
        }
        double[][] result = scatter(second, wrt, point.length + 1);
        result[point.length] = second.get(second.size() - 1).value().toArray();
        return result;
    }

    private static List<Variable> zeros(List<Variable> like) {
        return like.stream().map(v -> Variable.constant(Tensor.zeros(v.shape()))).toList();
    }

    /** This module's second order as gradcheck's {@link DoubleBackward}. */
    DoubleBackward secondOrder() {
        return this::doubleBackward;
    }
}
