package dev.gradproof.gradcheck.catalogue;

import dev.gradproof.autograd.Shape;
import dev.gradproof.autograd.Tensor;
import dev.gradproof.autograd.Variable;
import dev.gradproof.autograd.nn.Activation;
import dev.gradproof.autograd.nn.Linear;
import dev.gradproof.autograd.nn.Loss;
import dev.gradproof.autograd.nn.Network;
import dev.gradproof.autograd.nn.Parameter;
import dev.gradproof.autograd.nn.WeightInit;
import dev.gradproof.gradcheck.catalogue.ModuleFunction.Bound;
import dev.gradproof.gradcheck.catalogue.SampleSet.In;
import dev.gradproof.gradcheck.catalogue.SampleSet.Target;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The fully connected layer and the network builder, checked through the parameters they own
 * ({@link ModuleFunction}): the gradients are those {@code loss.backward()} leaves in
 * {@code Parameter.grad()}, the numerical side perturbs the parameters' values.
 */
final class NnSpecs {

    private static final int INPUTS = 3;
    private static final int HIDDEN = 4;
    private static final int CLASSES = 3;
    private static final int BATCH = 5;

    private NnSpecs() {
    }

    static List<Spec> all() {
        return List.of(linear(), network());
    }

    // ------------------------------------------------------------------ nn.Linear

    /** {@code y = x W + b} with respect to x, W and b: batch sizes, no bias, empty batch, magnitudes. */
    private static Spec linear() {
        return new Spec("nn.Linear", 3, "x [N, in], W [in, out], b [out] (or no bias)", List.of(), List.of("nn.Linear"),
                set -> {
                    Random r = set.random();
                    int[][] sizes = {{4, 3, 2}, {1, 1, 1}, {2, 0, 3}};
                    String[] names = {"a batch of 4", "one example, one input, one output", "no inputs (y = b)"};
                    for (int s = 0; s < sizes.length; s++) {
                        linearSample(set, names[s], r, sizes[s][0], sizes[s][1], sizes[s][2], true, 1, false);
                    }
                    linearSample(set, "without bias", r, 3, 3, 2, false, 1, false);
                    linearSample(set, "large weights", r, 2, 3, 2, true, 1e4, false);
                    linearSample(set, "tiny weights", r, 2, 3, 2, true, 1e-7, false);
                    linearSample(set, "an empty batch: no output, gradients of zeros", r, 0, 3, 2, true, 1, true);
                });
    }

    private static void linearSample(SampleSet set, String description, Random r, int n, int in, int out, boolean bias,
                                     double scale, boolean tricky) {
        List<In> inputs = new ArrayList<>(List.of(In.of("x", Values.uniform(r, -2, 2, n, in)),
                In.of("W", Values.uniform(r, -scale, scale, in, out))));
        if (bias) {
            inputs.add(In.of("b", Values.uniform(r, -scale, scale, out)));
        }
        ModuleFunction module = new ModuleFunction(values -> {
            Variable x = Variable.leaf("x", values.get(0));
            Linear layer = new Linear("linear", values.get(1), bias ? values.get(2) : null);
            List<Variable> leaves = new ArrayList<>(List.of(x, layer.weight().variable()));
            layer.bias().ifPresent(b -> leaves.add(b.variable()));
            return new Bound(layer.forward(x), leaves);
        }, shapes(inputs));
        set.add(description + " [" + n + ", " + in + "] -> [" + n + ", " + out + "]", tricky, Target.module(module),
                inputs.toArray(new In[0]));
    }

    // ------------------------------------------------------------------ nn.Network

    /**
     * A network of one hidden layer per activation, with the losses and L2 taking turns so that every
     * activation, every loss, and every loss with and without L2 is checked; then two hidden layers
     * without biases, an empty batch, and a hinge margin exactly at 0.
     */
    private static Spec network() {
        List<String> covers = new ArrayList<>(List.of("nn.Network", "nn.Layer"));
        for (Activation a : Activation.values()) {
            covers.add("nn.Activation." + a.name());
        }
        for (Loss l : Loss.values()) {
            covers.add("nn.Loss." + l.name());
        }
        return new Spec("nn.Network", OpSpec.VARIADIC,
                "parameters of any value; data x [N, D]; targets [N, C] (squared error) or labels in [0, C)",
                List.of(new Kink("relu", "a hidden unit's input = 0"), new Kink("leakyRelu", "a hidden unit's input = 0"),
                        new Kink("maxout/maximum", "a unit's two affine maps tie"), new Kink("svmHinge/relu", "a margin = 0"),
                        new Kink("elu", "a hidden unit's input = 0, in second order only (alpha 1)")),
                covers, NnSpecs::sampleNetworks);
    }

    private static void sampleNetworks(SampleSet set) {
        Random r = set.random();
        Activation[] activations = Activation.values();
        Loss[] losses = Loss.values();
        for (int i = 0; i < activations.length; i++) {
            Loss loss = losses[i % losses.length];
            double l2 = (i / losses.length) % 2 == 1 ? 1e-2 : 0;
            Network net = Network.builder(INPUTS).layer(HIDDEN, activations[i]).layer(CLASSES, Activation.IDENTITY)
                    .loss(loss).l2(l2).seed(r.nextLong()).build();
            networkSample(set, describe(net), net, r, BATCH, true, false, null);
        }
        Network deep = Network.builder(INPUTS).layer(HIDDEN, Activation.RELU).layer(HIDDEN, Activation.TANH)
                .layer(CLASSES, Activation.IDENTITY).loss(Loss.SOFTMAX_CROSS_ENTROPY).bias(false)
                .init(WeightInit.STANDARD_NORMAL).seed(r.nextLong()).build();
        networkSample(set, describe(deep) + ", no biases", deep, r, BATCH, false, false, null);
        Network empty = Network.builder(INPUTS).layer(HIDDEN, Activation.SIGMOID).layer(CLASSES, Activation.IDENTITY)
                .loss(Loss.SUM_SQUARED_ERROR).l2(1e-2).seed(r.nextLong()).build();
        networkSample(set, describe(empty) + ", an empty batch (data loss 0)", empty, r, 0, true, false, null);
        Network hinge = Network.builder(INPUTS).layer(HIDDEN, Activation.RELU).layer(CLASSES, Activation.IDENTITY)
                .loss(Loss.SVM_HINGE).seed(r.nextLong()).build();
        networkSample(set, describe(hinge) + ", output weights 0 and biases (1, 0, 0.5): every example's margin for"
                + " class 1 is exactly 0", hinge, r, 2, true, true, new double[] {1, 0, 0.5});
    }

    private static String describe(Network net) {
        return net.toString().replace("Network[", "[").toLowerCase();
    }

    /**
     * A sample of a network at its seeded weights with random biases (the builder's are zero), on
     * random data; for the tricky sample the output layer's weights are 0 and its biases fixed.
     */
    private static void networkSample(SampleSet set, String description, Network net, Random r, int n, boolean biases,
                                      boolean tricky, double[] outputBias) {
        List<Parameter> parameters = net.parameters();
        List<In> inputs = new ArrayList<>();
        int last = parameters.size() - (biases ? 2 : 1);
        for (int j = 0; j < parameters.size(); j++) {
            Parameter p = parameters.get(j);
            Tensor value = p.value();
            if (value.rank() == 1) {
                value = outputBias != null && j == parameters.size() - 1 ? Tensor.vector(outputBias)
                        : Values.uniform(r, -0.5, 0.5, value.dims());
            } else if (outputBias != null && j == last) {
                value = Tensor.zeros(value.shape());
            }
            inputs.add(In.of(p.name(), value));
        }
        Tensor x = Values.uniform(r, -2, 2, n, INPUTS);
        Tensor targets = net.lossFunction() == Loss.SUM_SQUARED_ERROR ? Values.uniform(r, -1, 1, n, CLASSES)
                : classes(outputBias != null ? new int[n] : Values.labels(r, n, CLASSES));
        inputs.add(In.data("x", x));
        inputs.add(In.data("targets", targets));
        ModuleFunction module = new ModuleFunction(values -> bind(net, values), shapes(inputs));
        set.add(description, tricky, Target.module(module), inputs.toArray(new In[0]));
    }

    /**
     * The network's structure rebuilt with the point's parameter values: the template's layers,
     * activations, loss and L2 strength, each parameter set by {@link Parameter#set}.
     */
    private static Bound bind(Network template, List<Tensor> values) {
        Network.Builder builder = Network.builder(template.layers().get(0).inputs())
                .loss(template.lossFunction()).l2(template.l2())
                .bias(template.layers().get(0).linear().bias().isPresent());
        template.layers().forEach(layer -> builder.layer(layer.outputs(), layer.activation()));
        Network net = builder.build();
        List<Parameter> parameters = net.parameters();
        List<Variable> leaves = new ArrayList<>();
        for (int j = 0; j < parameters.size(); j++) {
            parameters.get(j).set(values.get(j));
            leaves.add(parameters.get(j).variable());
        }
        int n = parameters.size();
        leaves.add(null);
        leaves.add(null);
        return new Bound(net.loss(values.get(n), values.get(n + 1)), leaves);
    }

    private static Tensor classes(int[] labels) {
        return Tensor.vector(Arrays.stream(labels).asDoubleStream().toArray());
    }

    private static List<Shape> shapes(List<In> inputs) {
        return inputs.stream().map(in -> in.value().shape()).toList();
    }
}
