package dev.gradproof.autograd.nn;

import dev.gradproof.autograd.Tensor;
import dev.gradproof.autograd.Variable;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * A fully connected layer {@code y = x W + b}: {@code x [N, in]}, {@code W [in, out]},
 * {@code b [out]} (optional), {@code y [N, out]}.
 */
public final class Linear {

    private final Parameter weight;
    private final Parameter bias;

    /**
     * A layer with the given weight {@code [in, out]} and bias {@code [out]} (or {@code null} for
     * none).
     *
     * @throws IllegalArgumentException naming the shapes when they do not fit
     */
    public Linear(String name, Tensor weight, Tensor bias) {
        if (weight.rank() != 2) {
            throw new IllegalArgumentException(name + ": weight must be an [in, out] matrix, got " + weight.shape());
        }
        if (bias != null && (bias.rank() != 1 || bias.shape().dim(0) != weight.shape().dim(1))) {
            throw new IllegalArgumentException(name + ": bias of shape " + bias.shape()
                    + " does not fit weight of shape " + weight.shape() + " (expected [" + weight.shape().dim(1) + "])");
        }
        this.weight = new Parameter(name + ".W", weight);
        this.bias = bias == null ? null : new Parameter(name + ".b", bias);
    }

    /** A layer with weights drawn by {@code init} from {@code random} and, if asked, a zero bias. */
    public static Linear initialized(String name, int in, int out, boolean withBias, WeightInit init, Random random) {
        return new Linear(name, init.sample(random, in, out), withBias ? Tensor.zeros(out) : null);
    }

    /**
     * {@code x W + b}.
     *
     * @throws IllegalArgumentException naming the shapes when {@code x} is not {@code [N, in]}
     */
    public Variable forward(Variable x) {
        if (x.shape().rank() != 2 || x.shape().dim(1) != inputs()) {
            throw new IllegalArgumentException(weight.name() + ": input must have shape [N, " + inputs()
                    + "], got " + x.shape());
        }
        Variable y = x.matmul(weight.variable());
        return bias == null ? y : y.add(bias.variable());
    }

    /** Number of inputs per example. */
    public int inputs() {
        return weight.value().shape().dim(0);
    }

    /** Number of outputs per example. */
    public int outputs() {
        return weight.value().shape().dim(1);
    }

    /** The weight {@code [in, out]}. */
    public Parameter weight() {
        return weight;
    }

    /** The bias {@code [out]}, if the layer has one. */
    public Optional<Parameter> bias() {
        return Optional.ofNullable(bias);
    }

    /** The weight, then the bias if any. */
    public List<Parameter> parameters() {
        List<Parameter> list = new ArrayList<>(2);
        list.add(weight);
        if (bias != null) {
            list.add(bias);
        }
        return Collections.unmodifiableList(list);
    }
}
