package dev.gradproof.autograd;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Functional gradients in the style of {@code torch.autograd.grad}: returned, not accumulated.
 *
 * <p>With {@code createGraph} the returned gradients are differentiable variables, because every
 * op's backward is itself written with differentiable ops. Differentiating a gradient again gives
 * second derivatives, for example a Hessian-vector product:
 *
 * <pre>{@code
 * Variable g = Autograd.grad(f, x, true);           // df/dx, with a graph
 * Variable hv = Autograd.grad(g.mul(v).sum(), x, false);  // H v
 * }</pre>
 *
 * <p>Nothing here touches {@link Variable#grad()}.
 */
public final class Autograd {

    private Autograd() {
    }

    /**
     * The gradient of {@code sum_i <upstreams_i, outputs_i>} with respect to each input.
     *
     * @param outputs     the variables to differentiate
     * @param inputs      the variables to differentiate with respect to; each must require grad
     * @param upstreams   one per output, of its shape; a {@code null} entry (or a {@code null} list)
     *                    means 1.0 and needs a scalar output. Upstreams that require grad make the
     *                    result differentiable with respect to them too.
     * @param createGraph record the gradient computation so that it can be differentiated again
     * @return one gradient per input, of its shape; zeros for an input the outputs do not depend on.
     *     An output that does not require grad (a constant, such as the gradient of a linear op)
     *     contributes zero, so differentiating a gradient that happens to be constant gives zeros.
     */
    public static List<Variable> grad(List<Variable> outputs, List<Variable> inputs,
                                      List<Variable> upstreams, boolean createGraph) {
        if (upstreams == null) {
            upstreams = Collections.nCopies(outputs.size(), null);
        }
        if (upstreams.size() != outputs.size()) {
            throw new IllegalArgumentException("grad: " + upstreams.size() + " upstream gradients for "
                    + outputs.size() + " outputs");
        }
        for (int i = 0; i < inputs.size(); i++) {
            if (!inputs.get(i).requiresGrad()) {
                throw new IllegalArgumentException("grad: input " + i + " (" + inputs.get(i)
                        + ") does not require grad");
            }
        }
        Map<Variable, Variable> grads = Backprop.run(outputs, upstreams, createGraph, true, inputs);
        List<Variable> result = new ArrayList<>(inputs.size());
        for (Variable input : inputs) {
            Variable g = grads.get(input);
            result.add(g != null ? g : Variable.constant(Tensor.zeros(input.shape())));
        }
        return Collections.unmodifiableList(result);
    }

    /** The gradient of a scalar {@code output} with respect to each of {@code inputs}. */
    public static List<Variable> grad(Variable output, List<Variable> inputs, boolean createGraph) {
        return grad(List.of(output), inputs, null, createGraph);
    }

    /** The gradient of a scalar {@code output} with respect to one {@code input}. */
    public static Variable grad(Variable output, Variable input, boolean createGraph) {
        return grad(List.of(output), List.of(input), null, createGraph).get(0);
    }

    /** The vector-Jacobian product {@code upstream^T J} of {@code output} with respect to each input. */
    public static List<Variable> grad(Variable output, List<Variable> inputs, Variable upstream,
                                      boolean createGraph) {
        return grad(List.of(output), inputs, Arrays.asList(upstream), createGraph);
    }
}
