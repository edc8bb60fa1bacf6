package dev.gradproof.autograd.nn;

import dev.gradproof.autograd.Tensor;
import dev.gradproof.autograd.Variable;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * One layer of a {@link Network}: an affine map followed by an activation, or, for
 * {@link Activation#MAXOUT}, the maximum of two affine maps.
 */
public final class Layer {

    private final Linear linear;
    private final Linear second;
    private final Activation activation;

    private Layer(Linear linear, Linear second, Activation activation) {
        this.linear = linear;
        this.second = second;
        this.activation = activation;
    }

    /** A layer from {@code in} to {@code out} units with weights drawn from {@code random}. */
    static Layer create(String name, int in, int out, Activation activation, boolean withBias,
                        WeightInit init, Random random) {
        Linear first = Linear.initialized(name, in, out, withBias, init, random);
        Linear second = activation == Activation.MAXOUT
                ? Linear.initialized(name + ".maxout", in, out, withBias, init, random)
                : null;
        return new Layer(first, second, activation);
    }

    /** This layer's output for a batch {@code x [N, in]}. */
    public Variable forward(Variable x) {
        if (activation != Activation.MAXOUT) {
            return activation.apply(linear.forward(x));
        }
        return x.maxout(linear.weight().variable(), biasOf(linear),
                second.weight().variable(), biasOf(second));
    }

    private static Variable biasOf(Linear layer) {
        return layer.bias().map(Parameter::variable)
                .orElseGet(() -> Variable.constant(Tensor.zeros(layer.outputs())));
    }

    /** The activation. */
    public Activation activation() {
        return activation;
    }

    /** Number of inputs per example. */
    public int inputs() {
        return linear.inputs();
    }

    /** Number of units. */
    public int outputs() {
        return linear.outputs();
    }

    /** The affine map (the first of two for Maxout). */
    public Linear linear() {
        return linear;
    }

    /** All parameters: weights and biases of the one or two affine maps. */
    public List<Parameter> parameters() {
        List<Parameter> all = new ArrayList<>(linear.parameters());
        if (second != null) {
            all.addAll(second.parameters());
        }
        return Collections.unmodifiableList(all);
    }

    /** The weight matrices only, which L2 regularization penalises. */
    public List<Parameter> weights() {
        return second == null ? List.of(linear.weight()) : List.of(linear.weight(), second.weight());
    }

    @Override
    public String toString() {
        return inputs() + " -> " + outputs() + " " + activation.name().toLowerCase();
    }
}
