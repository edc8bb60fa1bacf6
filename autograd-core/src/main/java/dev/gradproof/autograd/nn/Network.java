package dev.gradproof.autograd.nn;

import dev.gradproof.autograd.Losses;
import dev.gradproof.autograd.Tensor;
import dev.gradproof.autograd.Variable;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.StringJoiner;

/**
 * A fully connected network: layers, a data loss and optional L2 regularization on the weights,
 * {@code L = loss(f(x), y) + lambda sum_k W_k^2}, as in the notes.
 *
 * <pre>{@code
 * Network net = Network.builder(3)          // 3 inputs per example
 *         .layer(4, Activation.RELU)
 *         .layer(2, Activation.IDENTITY)    // class scores
 *         .loss(Loss.SOFTMAX_CROSS_ENTROPY)
 *         .l2(1e-3)
 *         .seed(42)
 *         .build();
 * Variable loss = net.loss(x, labels);
 * loss.backward();
 * new GradientDescent(1e-2).step(net.parameters());
 * }</pre>
 */
public final class Network {

    private final List<Layer> layers;
    private final Loss loss;
    private final double l2;

    private Network(List<Layer> layers, Loss loss, double l2) {
        this.layers = List.copyOf(layers);
        this.loss = loss;
        this.l2 = l2;
    }

    /** Starts a network whose examples have {@code inputs} features. */
    public static Builder builder(int inputs) {
        return new Builder(inputs);
    }

    /** The scores {@code [N, C]} for a batch {@code x [N, D]}. */
    public Variable forward(Variable x) {
        Variable h = x;
        for (Layer layer : layers) {
            h = layer.forward(h);
        }
        return h;
    }

    /** The scores for a batch of data (a constant). */
    public Variable forward(Tensor x) {
        return forward(Variable.constant("x", x));
    }

    /** The total loss: the data loss of the scores against {@code targets}, plus the L2 term if any. */
    public Variable loss(Tensor x, Tensor targets) {
        Variable data = loss.apply(forward(x), targets);
        if (l2 == 0) {
            return data;
        }
        List<Variable> weights = new ArrayList<>();
        for (Layer layer : layers) {
            layer.weights().forEach(w -> weights.add(w.variable()));
        }
        return data.add(Losses.l2(l2, weights.toArray(new Variable[0])));
    }

    /** The layers, input first. */
    public List<Layer> layers() {
        return layers;
    }

    /** The data loss. */
    public Loss lossFunction() {
        return loss;
    }

    /** The L2 strength lambda (0 for none). */
    public double l2() {
        return l2;
    }

    /** Every learnable parameter, layer by layer. */
    public List<Parameter> parameters() {
        List<Parameter> all = new ArrayList<>();
        layers.forEach(layer -> all.addAll(layer.parameters()));
        return Collections.unmodifiableList(all);
    }

    /** The number of learnable numbers: weights plus biases, as the notes count them. */
    public int parameterCount() {
        int count = 0;
        for (Parameter p : parameters()) {
            count += p.value().size();
        }
        return count;
    }

    /** Forgets the accumulated gradients of all parameters. */
    public void zeroGrad() {
        parameters().forEach(Parameter::zeroGrad);
    }

    @Override
    public String toString() {
        StringJoiner joiner = new StringJoiner(", ", "Network[", "]");
        layers.forEach(layer -> joiner.add(layer.toString()));
        joiner.add(loss.name().toLowerCase());
        if (l2 != 0) {
            joiner.add("l2 " + l2);
        }
        return joiner.toString();
    }

    /** Builds a {@link Network} layer by layer. */
    public static final class Builder {

        private final int inputs;
        private final List<Integer> sizes = new ArrayList<>();
        private final List<Activation> activations = new ArrayList<>();
        private Loss loss = Loss.SUM_SQUARED_ERROR;
        private double l2;
        private boolean bias = true;
        private WeightInit init = WeightInit.SCALED_NORMAL;
        private long seed;

        private Builder(int inputs) {
            if (inputs <= 0) {
                throw new IllegalArgumentException("network: inputs must be positive, got " + inputs);
            }
            this.inputs = inputs;
        }

        /** Adds a layer of {@code units} units with the given activation. */
        public Builder layer(int units, Activation activation) {
            if (units <= 0) {
                throw new IllegalArgumentException("network: layer " + sizes.size() + " must have a positive size, got " + units);
            }
            sizes.add(units);
            activations.add(activation);
            return this;
        }

        /** The data loss (default {@link Loss#SUM_SQUARED_ERROR}). */
        public Builder loss(Loss loss) {
            this.loss = loss;
            return this;
        }

        /** L2 regularization strength on the weights (default 0, none). */
        public Builder l2(double lambda) {
            if (!(lambda >= 0)) {
                throw new IllegalArgumentException("network: l2 strength must be >= 0, got " + lambda);
            }
            this.l2 = lambda;
            return this;
        }

        /** Whether layers have biases (default true; the notes' 20-line network has none). */
        public Builder bias(boolean bias) {
            this.bias = bias;
            return this;
        }

        /** How weights are drawn (default {@link WeightInit#SCALED_NORMAL}). */
        public Builder init(WeightInit init) {
            this.init = init;
            return this;
        }

        /** The seed of the weights (default 0): one seed, one network. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The network. */
        public Network build() {
            if (sizes.isEmpty()) {
                throw new IllegalStateException("network: no layers");
            }
            Random random = new Random(seed);
            List<Layer> layers = new ArrayList<>();
            int in = inputs;
            for (int i = 0; i < sizes.size(); i++) {
                int out = sizes.get(i);
                layers.add(Layer.create("layer" + (i + 1), in, out, activations.get(i), bias, init, random));
                in = out;
            }
            return new Network(layers, loss, l2);
        }
    }
}
