package dev.gradproof.autograd;

import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reverse-mode accumulation over the recorded graph: the chain rule, node by node, children
 * before parents.
 *
 * <p>Gradients arriving at a node from several children are summed before the node's own backward
 * runs, so each backward runs once per pass, forks add up (the notes' {@code +=}) and diamonds
 * cost linear time.
 */
final class Backprop {

    private Backprop() {
    }

    /**
     * The gradient of {@code sum_i <upstreams_i, outputs_i>} with respect to every node the outputs
     * depend on. With {@code createGraph} the gradients are themselves recorded (differentiable);
     * otherwise they are constants computed under no-grad.
     *
     * @param constantOutputs what to do with an output that does not require grad: false rejects
     *                        it (a {@code backward()} on a constant is a mistake), true treats it as
     *                        contributing nothing (a functional gradient of a constant is zero)
     * @param wanted          the nodes whose gradients the caller reads, or {@code null} for every
     *                        node; the gradient of any other interior node is dropped as soon as its
     *                        backward has run, so that a pass over a long chain holds a few
     *                        gradients at a time instead of one per node
     */
    static Map<Variable, Variable> run(List<Variable> outputs, List<Variable> upstreams, boolean createGraph,
                                       boolean constantOutputs, Collection<Variable> wanted) {
        List<Variable> seeds = new ArrayList<>(outputs.size());
        for (int i = 0; i < outputs.size(); i++) {
            Variable output = outputs.get(i);
            seeds.add(checkedUpstream(output, upstreams.get(i)));
            if (!output.requiresGrad() && !constantOutputs) {
                throw new IllegalArgumentException("backward: output of shape " + output.shape()
                        + " does not require grad (it is a constant, or was computed from constants or under noGrad)");
            }
        }
        try (Scope ignored = createGraph ? GradMode.enableGrad() : GradMode.noGrad();
             Graph.Walk walk = new Graph.Walk()) {
            List<Variable> order = walk.over(outputs).order();
            // pending[n]: the gradient summed so far at order.get(n), in the order contributions arrive
            Variable[] pending = new Variable[order.size()];
            boolean[] keep = positionsOf(wanted, walk, order.size());
            for (int i = 0; i < outputs.size(); i++) {
                if (outputs.get(i).requiresGrad()) {
                    accumulate(pending, walk.indexOf(outputs.get(i)), seeds.get(i));
                }
            }
            for (int n = order.size() - 1; n >= 0; n--) {
                Variable node = order.get(n);
                Variable upstream = pending[n];
                if (upstream == null || node.isLeaf()) {
                    continue;
                }
                Op op = node.creator().get();
                Variable[] inputGrads = op.backward(upstream, node);
                List<Variable> inputs = op.inputs();
                for (int i = 0; i < inputs.size(); i++) {
                    Variable input = inputs.get(i);
                    if (!input.requiresGrad() || inputGrads[i] == null) {
                        continue;
                    }
                    if (!inputGrads[i].shape().equals(input.shape())) {
                        throw new IllegalStateException(op.describe() + " backward: gradient for input " + i
                                + " has shape " + inputGrads[i].shape() + " but the input has shape "
                                + input.shape());
                    }
                    accumulate(pending, walk.indexOf(input), inputGrads[i]);
                }
                if (keep != null && !keep[n]) {
                    pending[n] = null;
                }
            }
            Map<Variable, Variable> grads = new IdentityHashMap<>();
            for (int n = 0; n < pending.length; n++) {
                if (pending[n] != null && (keep == null || keep[n])) {
                    grads.put(order.get(n), pending[n]);
                }
            }
            return grads;
        }
    }

    /** Which positions of the walk's order hold a wanted node; null for all of them. */
    private static boolean[] positionsOf(Collection<Variable> wanted, Graph.Walk walk, int size) {
        if (wanted == null) {
            return null;
        }
        boolean[] keep = new boolean[size];
        for (Variable node : wanted) {
            int n = walk.indexOf(node);
            if (n >= 0) {
                keep[n] = true;
            }
        }
        return keep;
    }

    /** Adds {@code grad} to the gradient pending at position {@code n} (the notes' {@code +=}). */
    private static void accumulate(Variable[] pending, int n, Variable grad) {
        pending[n] = pending[n] == null ? grad : pending[n].add(grad);
    }

    private static Variable checkedUpstream(Variable output, Variable upstream) {
        if (upstream == null) {
            if (!output.shape().isScalar()) {
                throw new IllegalArgumentException("backward: output has shape " + output.shape()
                        + "; backward() without an upstream gradient needs a scalar output"
                        + " (pass an upstream of shape " + output.shape() + ")");
            }
            return Variable.constant(Tensor.scalar(1.0));
        }
        if (!upstream.shape().equals(output.shape())) {
            throw new IllegalArgumentException("backward: upstream gradient has shape " + upstream.shape()
                    + " but the output has shape " + output.shape());
        }
        return upstream;
    }
}
