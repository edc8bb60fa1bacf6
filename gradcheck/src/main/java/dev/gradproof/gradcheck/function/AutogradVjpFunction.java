package dev.gradproof.gradcheck.function;

import dev.gradproof.autograd.Autograd;
import dev.gradproof.autograd.Tensor;
import dev.gradproof.autograd.Variable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The backward pass of an autograd-core function as a function of its own, for gradgradcheck: the
 * inputs are the function's inputs followed by the upstream, the output the gradients of the
 * differentiated inputs laid end to end. Its vector-Jacobian product differentiates the backward
 * pass itself, recorded with {@code createGraph}: the gradient of
 * {@code sum_i <w_i, dL/dx_i>} with respect to the inputs and to the upstream.
 */
public final class AutogradVjpFunction implements CheckedFunction {

    private final AutogradFunction first;
    private final int[] outputShape;

    /**
     * @param function    the function of the inputs
     * @param names       the inputs' names
     * @param shapes      the inputs' dimensions
     * @param outputShape the function's output shape (the upstream's shape)
     */
    public AutogradVjpFunction(Function<List<Variable>, Variable> function, List<String> names, List<int[]> shapes,
                               int[] outputShape) {
        this.first = new AutogradFunction(function, names, shapes);
        this.outputShape = outputShape.clone();
    }

    /** The function's forward pass on the inputs part of a point (all but the upstream). */
    private record Forward(double[][] x, boolean[] w, List<Variable> vars, Variable out) {
    }

    private Forward forward(double[][] point, boolean[] wrt) {
        int n = point.length - 1;
        double[][] x = Gradients.head(point, n);
        boolean[] w = Gradients.head(wrt, n);
        List<Variable> vars = first.variables(x, w);
        Variable out = first.apply(vars);
        if (!Arrays.equals(out.shape().dims(), outputShape) || point[n].length != out.shape().size()) {
            throw new IllegalStateException("gradgradcheck: the function's output has shape " + out.shape()
                    + " but the upstream was made for shape " + Arrays.toString(outputShape));
        }
        return new Forward(x, w, vars, out);
    }

    @Override
    public Evaluation evaluate(double[][] point, boolean[] wrt) {
        Forward f = forward(point, wrt);
        double[][] grads = AutogradFunction.gradients(f.out(), f.vars(), point[point.length - 1], f.w());
        double[] flat = Gradients.concat(grads, f.x(), f.w(), "autograd backward");
        return new Evaluation(flat, new int[] {flat.length}, AutogradFunction.branchRecord(f.out(), true));
    }

    @Override
    public double[][] vectorJacobianProduct(double[][] point, double[] upstream, boolean[] wrt) {
        int n = point.length - 1;
        Forward f = forward(point, wrt);
        double[][] x = f.x();
        boolean[] w = f.w();
        List<Variable> vars = f.vars();
        Variable out = f.out();
        Tensor u = Tensor.of(point[n], out.shape());
        Variable up = wrt[n] ? Variable.leaf("upstream", u) : Variable.constant("upstream", u);
        double[][] result = new double[point.length][];
        List<Variable> targets = AutogradFunction.leaves(vars, w);
        if (wrt[n]) {
            targets.add(up);
        }
        Variable s = weightedGradients(out, up, vars, w, Gradients.split(upstream, x, w));
        List<double[]> values = new ArrayList<>();
        if (s != null && s.requiresGrad() && !targets.isEmpty()) {
            for (Variable g : Autograd.grad(s, targets, false)) {
                values.add(g.value().toArray());
            }
        } else {
            for (Variable t : targets) {
                values.add(new double[t.shape().size()]);
            }
        }
        int v = 0;
        for (int i = 0; i < n; i++) {
            if (w[i]) {
                result[i] = values.get(v++);
            }
        }
        if (wrt[n]) {
            result[n] = values.get(v);
        }
        return result;
    }

    /**
     * The rounding scale of {@code <upstream, VJP>}: the whole first- and second-order graph, every
     * input and the first upstream as leaves, through {@link RoundingScale}.
     */
    @Override
    public double roundingScale(double[][] point, double[] upstream, boolean[] wrt) {
        int n = point.length - 1;
        double[][] x = Gradients.head(point, n);
        boolean[] w = Gradients.head(wrt, n);
        boolean[] all = new boolean[n];
        Arrays.fill(all, true);
        List<Variable> vars = first.variables(x, all);
        Variable out = first.apply(vars);
        if (!out.requiresGrad() || AutogradFunction.leaves(vars, w).isEmpty()) {
            return Double.NaN;
        }
        Variable up = Variable.leaf("upstream", Tensor.of(point[n], out.shape()));
        return RoundingScale.of(weightedGradients(out, up, vars, w, Gradients.split(upstream, x, w)),
                new double[] {1.0});
    }

    /**
     * {@code sum_i <weights_i, d<up, out>/dx_i>} over the differentiated inputs, the backward pass
     * recorded with {@code createGraph} so that it can be differentiated again; null when no
     * gradient flows (an output that does not depend on the inputs, or nothing differentiated).
     */
    private static Variable weightedGradients(Variable out, Variable up, List<Variable> vars, boolean[] w,
                                              double[][] weights) {
        List<Variable> leaves = AutogradFunction.leaves(vars, w);
        if (!out.requiresGrad() || leaves.isEmpty()) {
            return null;
        }
        List<Variable> grads = Autograd.grad(out, leaves, up, true);
        Variable s = null;
        int g = 0;
        for (int i = 0; i < w.length; i++) {
            if (w[i]) {
                Variable term = grads.get(g++).mul(Variable.constant(Tensor.of(weights[i], vars.get(i).shape()))).sum();
                s = s == null ? term : s.add(term);
            }
        }
        return s;
    }

    /** The same kink probing as the first-order function, on the function's own inputs. */
    @Override
    public double[][] kinkProximity(double[][] point, boolean[] wrt, long seed) {
        int n = point.length - 1;
        double[][] inner = first.kinkProximity(Gradients.head(point, n), Gradients.head(wrt, n), seed);
        if (inner == null) {
            return null;
        }
        double[][] all = Arrays.copyOf(inner, point.length);
        all[n] = new double[point[n].length];
        return all;
    }
}
