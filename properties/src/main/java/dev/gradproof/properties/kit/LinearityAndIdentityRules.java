package dev.gradproof.properties.kit;

import dev.gradproof.autograd.Shape;
import dev.gradproof.autograd.Tensor;
import dev.gradproof.properties.engine.DenseArray;
import dev.gradproof.properties.engine.OpCall;
import dev.gradproof.properties.engine.Ops;
import dev.gradproof.properties.generators.TensorArbitrary;
import dev.gradproof.properties.graph.DenseArrays;
import dev.gradproof.properties.graph.Evaluation;
import dev.gradproof.properties.graph.GraphRewrites;
import dev.gradproof.properties.graph.GraphSpec;
import dev.gradproof.properties.graph.Identity;
import dev.gradproof.properties.kit.KitCases.LayerCase;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rules of linearity in the upstream, of two graphs of one function, and of preprocessing (KIT-4xx).
 *
 * @param <V> the engine's node type
 */
public abstract class LinearityAndIdentityRules<V> extends GateRules<V> {

    // ================================================================== linearity

    /** backward(a g1 + b g2) = a backward(g1) + b backward(g2). */
    @Verifies(Rule.KIT_401)
    @Property
    public void backwardIsLinearInTheUpstream(@ForAll("tensorGraphs") GraphSpec graph,
                                              @ForAll("pools") List<Double> first, @ForAll("pools") List<Double> second,
                                              @ForAll @IntRange(min = -30, max = 30) int a10,
                                              @ForAll @IntRange(min = -30, max = 30) int b10) {
        double a = a10 / 10.0;
        double b = b10 / 10.0;
        Shape out = graph.outputShape();
        Tensor g1 = TensorArbitrary.fill(out, first);
        Tensor g2 = TensorArbitrary.fill(out, second);
        Map<String, DenseArray> grads1 = gradsByName(graph.evaluate(adapter()).backward(DenseArrays.of(g1)));
        Map<String, DenseArray> grads2 = gradsByName(graph.evaluate(adapter()).backward(DenseArrays.of(g2)));
        Tensor mixed = g1.times(a).plus(g2.times(b));
        Map<String, DenseArray> together = gradsByName(graph.evaluate(adapter()).backward(DenseArrays.of(mixed)));
        for (Map.Entry<String, DenseArray> e : together.entrySet()) {
            double[] x = grads1.get(e.getKey()).data();
            double[] y = grads2.get(e.getKey()).data();
            double[] expected = Reference.zip(x, y, (u, v) -> a * u + b * v);
            // Backward is linear in the upstream up to rounding; its error is bounded relative to
            // the sizes of the two gradients combined (values stay within +-100), plus the floor
            // where contributions cancel.
            double scale = Math.abs(a) * Tolerance.maxAbs(x) + Math.abs(b) * Tolerance.maxAbs(y);
            Check.close("backward is linear in the upstream (a = " + a + ", b = " + b + ", g1 = " + g1 + ", g2 = " + g2 + ")",
                    e.getKey(), e.getValue(), expected, e.getValue().shape(),
                    (actual, exp) -> filled(actual.length, 1e-10 * scale + Tolerance.FLOOR), graph);
        }
    }

    // ================================================================== two graphs, one function

    /**
     * Two graphs of one function have one gradient: every applicable {@link Identity}, rewritten
     * everywhere, at a {@link GenericPoint generic point} near the generated graph (seeded by the
     * graph itself). The two graphs agree as functions, not bit for bit: at an exact tie the
     * generated values aim at, tanh(15 t) rounds to 1.0 and 2 sigmoid(30 t) - 1 to 1 - 2^-53, so a
     * downstream maximum(., t) with t = 1 takes different branches and a correct engine gives two
     * different (both valid) subgradients.
     */
    @Verifies(Rule.KIT_402)
    @Property(generation = GenerationMode.RANDOMIZED) // coverage is a share of random tries
    @StatisticsReport(label = "identities", format = OpCoverageReport.class)
    public void twoGraphsOfOneFunctionHaveOneGradient(@ForAll("graphs") GraphSpec generated) {
        GraphSpec graph = GenericPoint.near(generated, generated.toString().hashCode());
        List<Identity> supported = Identity.ALL.stream().filter(i -> i.supportedBy(ops())).toList();
        List<String> applied = new ArrayList<>();
        Map<String, DenseArray> original = gradsByName(graph);
        for (Identity identity : supported) {
            if (!graph.opNames().contains(identity.op())) {
                continue;
            }
            applied.add(identity.name());
            GraphSpec rewritten = GraphRewrites.rewrite(graph, identity);
            // The two graphs differ by a few roundings per rewritten node in the local
            // derivatives (relative, or absolute about u where a fused sigmoid saturates), which
            // propagate to at most 1e-10 of the gradient's size, plus the floor where
            // contributions cancel.
            compare("two graphs of one function have one gradient: " + identity.name() + " (rewritten: " + rewritten
                    + ")", original, gradsByName(rewritten), Tolerance.normwise(1e-10, Tolerance.FLOOR), graph);
        }
        Statistics.label("identities").collect(applied);
        if (GeneratorCoverageHook.enabled()) {
            Statistics.label("identities").coverage(coverage -> {
                for (Identity identity : supported) {
                    coverage.checkQuery(values -> ((List<?>) values.get(0)).contains(identity.name()))
                            .percentage(atLeast("identity " + identity.name(), 1.0));
                }
            });
        }
    }

    /** ReLU is a special case of Maxout: relu(x w + b) = maxout(x, 0, 0, w, b), as the notes say. */
    @Verifies(Rule.KIT_403)
    @Property
    @Requires(ops = {Ops.MAXOUT, Ops.MATMUL, Ops.RELU}, minRank = 2, numpyBroadcasting = true)
    public void reluIsASpecialCaseOfMaxout(@ForAll("layers") LayerCase layer) {
        GraphSpec.Builder m = layerBuilder(layer);
        int zeroW = m.leaf("zeroW", Tensor.zeros(layer.w().shape()));
        int zeroB = m.leaf("zeroB", Tensor.zeros(layer.b().shape()));
        GraphSpec maxout = m.build(m.apply(OpCall.of(Ops.MAXOUT), 0, zeroW, zeroB, 1, 2));
        activationAgainstMaxout("relu(z) = maxout(0, z)", layer, OpCall.of(Ops.RELU), maxout);
    }

    /** Leaky ReLU is a special case of Maxout: leakyRelu(z, s) = max(z, s z) for 0 &lt; s &lt; 1. */
    @Verifies(Rule.KIT_404)
    @Property
    @Requires(ops = {Ops.MAXOUT, Ops.MATMUL, Ops.LEAKY_RELU, Ops.MUL_CONSTANT}, minRank = 2, numpyBroadcasting = true)
    public void leakyReluIsASpecialCaseOfMaxout(@ForAll("layers") LayerCase layer,
                                                @ForAll @IntRange(min = 1, max = 50) int slopePercent) {
        double[] domain = declared().parameters(Ops.LEAKY_RELU, new double[] {slopePercent / 100.0});
        double slope = domain[slopePercent % domain.length];
        Assume.that(slope > 0 && slope < 1); // the identity holds for 0 < s < 1 only
        // slope is already in the declared parameter precision (Capabilities.parameters rounds it)
        GraphSpec.Builder m = layerBuilder(layer);
        int sw = m.apply(OpCall.withScalar(Ops.MUL_CONSTANT, slope), 1);
        int sb = m.apply(OpCall.withScalar(Ops.MUL_CONSTANT, slope), 2);
        GraphSpec maxout = m.build(m.apply(OpCall.of(Ops.MAXOUT), 0, 1, 2, sw, sb));
        activationAgainstMaxout("leakyRelu(z, " + slope + ") = maxout(z, " + slope + " z)", layer,
                OpCall.withScalar(Ops.LEAKY_RELU, slope), maxout);
    }

    private void activationAgainstMaxout(String identity, LayerCase layer, OpCall activation, GraphSpec maxout) {
        GraphSpec.Builder a = layerBuilder(layer);
        int z = a.apply(OpCall.of(Ops.ADD), a.apply(OpCall.of(Ops.MATMUL), 0, 1), 2);
        GraphSpec plain = a.build(a.apply(activation, z));
        Evaluation<V> first = plain.evaluate(adapter());
        // Away from the kink z = 0 both graphs take the same piece; the subgradient chosen at
        // z = 0 is each engine's convention, so exact zeros (rare: shrunk values) are skipped.
        Assume.that(minAbs(first.value(z).data()) > 1e-9);
        DenseArray upstream = DenseArrays.of(layer.upstream());
        Map<String, DenseArray> expected = gradsByName(first.backward(upstream));
        Map<String, DenseArray> actual = gradsByName(maxout.evaluate(adapter()).backward(upstream));
        // The same products routed through another gate (the scaled copies add one rounding each,
        // and the two maps' contributions to w and b are summed in another order).
        compare(identity, expected, actual, Tolerance.normwise(1e-12, Tolerance.FLOOR), maxout);
    }

    // ================================================================== preprocessing

    /** Scaling the input data by c scales a linear layer's weight gradient by c, and leaves the others. */
    @Verifies(Rule.KIT_405)
    @Property
    @Requires(ops = Ops.MATMUL, minRank = 2, numpyBroadcasting = true)
    public void scalingTheInputScalesTheWeightGradient(@ForAll("layers") LayerCase layer,
                                                       @ForAll @IntRange(min = -1000, max = 1000) int c) {
        Map<String, DenseArray> plain = layerGrads(layer, layer.x());
        Map<String, DenseArray> scaled = layerGrads(layer, layer.x().times(c));
        int n = layer.x().shape().dim(0);
        double[] x = layer.x().toArray();
        double[] g = layer.upstream().toArray();
        int d = layer.w().shape().dim(0);
        int h = layer.w().shape().dim(1);
        double[] magnitude = new double[d * h];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                for (int j = 0; j < h; j++) {
                    magnitude[k * h + j] += Math.abs(c * x[i * d + k] * g[i * h + j]);
                }
            }
        }
        double[] expected = plain.get("w").data();
        for (int i = 0; i < expected.length; i++) {
            expected[i] *= c;
        }
        // dW = x^T g is a sum of n products; both sides round each term (c x adds one rounding)
        // and the sum: within 2 (n + 2) u sum |c x g|.
        Check.close("scaling the input by " + c + " scales the weight gradient", "w", scaled.get("w"), expected,
                layer.w().dims(), Tolerance.elementwise(2.0 * (n + 2), magnitude), layer);
        // db = sum of the upstream and dx = g w^T do not depend on x: the same computation.
        compare("scaling the input leaves the bias and input gradients", Map.of("b", plain.get("b")),
                Map.of("b", scaled.get("b")), Tolerance.normwise(1e-13, 0), layer);
    }
}
