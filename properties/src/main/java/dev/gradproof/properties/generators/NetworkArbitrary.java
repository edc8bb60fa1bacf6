package dev.gradproof.properties.generators;

import dev.gradproof.autograd.Shape;
import dev.gradproof.properties.engine.Capabilities;
import dev.gradproof.properties.engine.OpCall;
import dev.gradproof.properties.engine.Ops;
import dev.gradproof.properties.graph.GraphSpec;
import dev.gradproof.properties.graph.OpDeclaration;
import dev.gradproof.properties.graph.OpDeclarations;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.arbitraries.ArbitraryDecorator;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Random fully connected networks with a loss ({@link NetworkSpec}): depth 1 to 4, widths 1 to 16
 * (biased small), an activation per hidden layer among the notes' (sigmoid, tanh, ReLU, Leaky ReLU,
 * ELU, GELU, SiLU, Maxout), a loss among sum of squared errors, softmax cross-entropy and SVM
 * hinge, with or without L2. Weights are scaled by {@code 1/sqrt(fan-in)} so that activations stay
 * of order 1 at any depth.
 *
 * <p>Shrinks towards one layer of width 1, the first activation and loss, and no L2.
 */
public final class NetworkArbitrary extends ArbitraryDecorator<NetworkSpec> {

    private static final List<String> ACTIVATION_ORDER =
            List.of(Ops.RELU, Ops.SIGMOID, Ops.TANH, Ops.LEAKY_RELU, Ops.ELU, Ops.GELU, Ops.SILU, Ops.MAXOUT);
    private static final List<String> LOSS_ORDER =
            List.of(Ops.SUM_SQUARED_ERROR, Ops.SOFTMAX_CROSS_ENTROPY, Ops.SVM_HINGE, Ops.MEAN_SQUARED_ERROR,
                    Ops.SOFTMAX_CROSS_ENTROPY_SUM, Ops.SVM_HINGE_SUM);
    private static final double[] LAMBDAS = {0, 0.01, 0.1, 1.0};

    private List<String> activations = ACTIVATION_ORDER;
    private List<String> losses = LOSS_ORDER;
    private boolean l2 = true;
    private Capabilities capabilities = Capabilities.numpyStyle();
    private int maxDepth = 4;
    private int maxWidth = 16;

    NetworkArbitrary() {
    }

    /**
     * Networks using only these ops: the activations and losses among them.
     *
     * @throws IllegalArgumentException when matmul, add or every loss is missing
     */
    public NetworkArbitrary ops(Collection<String> allowed) {
        if (!supports(allowed)) {
            throw new IllegalArgumentException("networks need matmul, add and a loss among " + LOSS_ORDER
                    + "; allowed: " + allowed);
        }
        NetworkArbitrary clone = typedClone();
        clone.activations = ACTIVATION_ORDER.stream().filter(allowed::contains).toList();
        clone.losses = LOSS_ORDER.stream().filter(allowed::contains).toList();
        clone.l2 = allowed.contains(Ops.L2);
        return clone;
    }

    /** Networks whose op parameters (Leaky ReLU's slope, ELU's alpha) lie in the declared domains. */
    public NetworkArbitrary capabilities(Capabilities declared) {
        NetworkArbitrary clone = typedClone();
        clone.capabilities = declared;
        return clone;
    }

    /** True when an engine with these ops can run generated networks. */
    public static boolean supports(Collection<String> ops) {
        return ops.contains(Ops.MATMUL) && ops.contains(Ops.ADD) && LOSS_ORDER.stream().anyMatch(ops::contains);
    }

    /** At most this many layers and this width. */
    public NetworkArbitrary maxSize(int depth, int width) {
        if (depth < 1 || width < 1) {
            throw new IllegalArgumentException("maxSize: need depth and width at least 1, got " + depth + ", " + width);
        }
        NetworkArbitrary clone = typedClone();
        clone.maxDepth = depth;
        clone.maxWidth = width;
        return clone;
    }

    @Override
    protected Arbitrary<NetworkSpec> arbitrary() {
        List<String> acts = activations;
        List<String> lossList = losses;
        Arbitrary<Integer> width = Arbitraries.integers().between(1, maxWidth).shrinkTowards(1)
                .withDistribution(RandomDistribution.biased());
        Arbitrary<List<Layer>> layers = Combinators.combine(width, Arbitraries.integers().between(0, 99))
                .as(Layer::new).list().ofMinSize(1).ofMaxSize(maxDepth);
        Arbitrary<Integer> batch = Arbitraries.integers().between(1, 4);
        Arbitrary<Integer> lossChoice = Arbitraries.integers().between(0, 99);
        // LAMBDAS[0] = 0 is "no L2": the only choice for an engine that does not declare l2
        Arbitrary<Integer> lambdaChoice = Arbitraries.integers().between(0, l2 ? LAMBDAS.length - 1 : 0);
        OpCall leakyRelu = OpCall.withScalar(Ops.LEAKY_RELU, firstParameter(Ops.LEAKY_RELU));
        OpCall elu = OpCall.withScalar(Ops.ELU, firstParameter(Ops.ELU));
        Arbitrary<List<Double>> pool = Arbitraries.doubles().between(-1, 1).ofScale(2).list().ofMinSize(1).ofMaxSize(16);
        return Combinators.combine(layers, width, batch, lossChoice, lambdaChoice, pool)
                .as((ls, d, n, loss, lambda, values) -> build(ls, d, n, lossList.get(loss % lossList.size()),
                        LAMBDAS[lambda], loss, acts, new ValuePool(values), leakyRelu, elu));
    }

    /** One layer's width and its activation choice. */
    record Layer(int width, int activation) {
    }

    private static NetworkSpec build(List<Layer> layers, int inputs, int batch, String loss, double lambda,
                                     int labelSeed, List<String> acts, ValuePool pool, OpCall leakyRelu,
                                     OpCall elu) {
        GraphSpec.Builder g = GraphSpec.builder();
        int h = g.constant("x", pool.next(Shape.of(batch, inputs), 1.0));
        int fanIn = inputs;
        List<Integer> weights = new ArrayList<>();
        List<Integer> widths = new ArrayList<>();
        List<String> used = new ArrayList<>();
        for (int l = 1; l <= layers.size(); l++) {
            int width = layers.get(l - 1).width();
            widths.add(width);
            boolean hidden = l < layers.size();
            String act = hidden && !acts.isEmpty() ? acts.get(layers.get(l - 1).activation() % acts.size()) : null;
            double scale = 1 / Math.sqrt(fanIn);
            int w = g.leaf("w" + l, pool.next(Shape.of(fanIn, width), scale));
            int b = g.leaf("b" + l, pool.next(Shape.of(width), 1.0));
            weights.add(w);
            if (Ops.MAXOUT.equals(act)) {
                int u = g.leaf("u" + l, pool.next(Shape.of(fanIn, width), scale));
                int c = g.leaf("c" + l, pool.next(Shape.of(width), 1.0));
                weights.add(u);
                h = g.apply(OpCall.of(Ops.MAXOUT), h, w, b, u, c);
            } else {
                h = g.apply(OpCall.of(Ops.ADD), g.apply(OpCall.of(Ops.MATMUL), h, w), b);
                if (act != null) {
                    h = g.apply(act.equals(Ops.LEAKY_RELU) ? leakyRelu : act.equals(Ops.ELU) ? elu : OpCall.of(act), h);
                }
            }
            if (hidden) {
                used.add(act == null ? "linear" : act);
            }
            fanIn = width;
        }
        int total = lossNode(g, h, loss, batch, fanIn, labelSeed, pool);
        if (lambda > 0) {
            int penalty = g.apply(OpCall.withScalar(Ops.L2, lambda), weights.stream().mapToInt(Integer::intValue).toArray());
            total = g.apply(OpCall.of(Ops.ADD), total, penalty);
        }
        return new NetworkSpec(batch, inputs, widths, used, loss, lambda, g.build(total));
    }

    /** The first of the engine's declared values of {@code op}'s parameter, else of the op's declaration. */
    private double firstParameter(String op) {
        return capabilities.parameters(op, OpDeclarations.of(op).defaults())[0];
    }

    private static int lossNode(GraphSpec.Builder g, int scores, String loss, int batch, int classes, int labelSeed,
                                ValuePool pool) {
        if (OpDeclarations.of(loss).parameter() != OpDeclaration.Parameter.LABELS) {
            int target = g.constant("y", pool.next(Shape.of(batch, classes), 1.0));
            return g.apply(OpCall.of(loss), scores, target);
        }
        int[] labels = new int[batch];
        for (int i = 0; i < batch; i++) {
            labels[i] = (labelSeed + i) % classes;
        }
        return g.apply(OpCall.withInts(loss, labels), scores);
    }
}
