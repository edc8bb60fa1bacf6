package dev.gradproof.gradcheck.catalogue;

import dev.gradproof.autograd.Tensor;
import dev.gradproof.autograd.Variable;
import dev.gradproof.gradcheck.catalogue.Elementwise.Domain;
import dev.gradproof.gradcheck.catalogue.Elementwise.Unary;
import dev.gradproof.gradcheck.catalogue.Elementwise.Variant;
import dev.gradproof.gradcheck.catalogue.SampleSet.In;
import dev.gradproof.gradcheck.catalogue.SampleSet.Target;

import java.util.List;
import java.util.Random;

import static dev.gradproof.gradcheck.catalogue.ElementwiseOracle.unary;

/** The activation functions of the notes (sigmoid, tanh, ReLU and its variants, GELU, SiLU, Maxout) and softmax. */
final class ActivationSpecs {

    /**
     * Sigmoid's and tanh's large magnitudes cover their saturating tails from |x| = 3 on, where the
     * backward pass computes {@code 1 - y} (or {@code 1 - y^2}) from an output rounded next to 1: its
     * value carries rounding of the size of 1, not of its own. gradcheck's rounding scale, taken from
     * the adjoints of the graph, allows for exactly that; before it did, these samples raised false
     * alarms on correct second derivatives (tanh at |x| in [7, 12]: 29 of 100 gradgradchecks).
     */
    private static final String SATURATING = "all reals; large magnitudes over the saturating tails: ";

    /**
     * ELU's domain: all reals, with large magnitudes up to 700, so that its slope {@code alpha e^x}
     * stays a normal double (from -708 to -745 it is subnormal, with few significant bits, and beyond
     * it is exactly 0, which the samples of -1e3 and less would only repeat).
     */
    private static final Domain NORMAL_EXP = Elementwise.reals(1e2, 700);

    /**
     * The domain of the normal distribution function and GELU: all reals, with large magnitudes up to
     * 15. The density {@code e^(-x^2/2)} amplifies the rounding of {@code x^2} by {@code x^2/2}
     * (360 units at x = 27), beyond what gradcheck's rounding model allows for; over seeds 1 to 400
     * one second-order sample at x = -26.8 exceeded its tolerance 2 times.
     */
    private static final Domain EXP_OF_SQUARE = Elementwise.reals("all reals; large magnitudes up to 15 in the samples"
            + " (the density e^(-x^2/2) amplifies the rounding of x^2 by x^2/2)", 5, 15);

    /** Logits of +-1000 in one row, with a tie for the largest in the other (also cross-entropy's tricky point). */
    static final Tensor EXTREME_LOGITS = Tensor.matrix(new double[][] {{1000, -1000, 0}, {-1000, 1000, 1000}});

    private ActivationSpecs() {
    }

    static List<Spec> all() {
        return List.of(
                new Unary("sigmoid", "Variable.sigmoid()", unary(Variable::sigmoid, ElementwiseOracle::sigmoid))
                        .domain(new Domain(SATURATING + "x in [-700, -3] and [3, 1000] (1 - y cancels from about 5 on)", (r, s) -> Values.uniform(r, -6, 6, s),
                                (r, s) -> Values.tails(r, -700, -3, 3, 1000, s),
                                (r, s) -> Values.magnitudes(r, 1e-9, 1e-6, true, s)))
                        .tricky("extreme logits +-1000 (saturated: the gradient is exactly 0)",
                                r -> Tensor.vector(1000, -1000, 0)).build(),
                new Unary("tanh", "Variable.tanh()", unary(Variable::tanh, x -> x.tanh()))
                        .domain(new Domain(SATURATING + "|x| in [3, 1000] (1 - y^2 cancels from about 3 on)",
                                (r, s) -> Values.uniform(r, -3, 3, s), (r, s) -> Values.tails(r, -1000, -3, 3, 1000, s),
                                (r, s) -> Values.magnitudes(r, 1e-9, 1e-6, true, s)))
                        .tricky("extreme inputs +-1000 (saturated: the gradient is exactly 0)",
                                r -> Tensor.vector(1000, -1000, 0)).build(),
                new Unary("relu", "Variable.relu()", unary(Variable::relu, ElementwiseOracle::relu))
                        .kink(0, "relu", "x = 0 (subgradient 0)")
                        .trickyOnTheKink().build(),
                new Unary("leakyRelu", "Variable.leakyRelu()", new Variant("",
                        unary(Variable::leakyRelu, x -> ElementwiseOracle.leakyRelu(x, 0.01)),
                        SampleCall.withScalar("leakyRelu", 0.01)))
                        .kink(0, "leakyRelu", "x = 0 (subgradient 1)")
                        .trickyOnTheKink().build(),
                new Unary("leakyRelu(slope)", "Variable.leakyRelu(double)",
                        slope(0.2), slope(3.0), slope(-0.5), slope(1.0))
                        .kink(0, "leakyRelu", "x = 0 (subgradient 1; none for slope 1, the identity)")
                        .trickyOnTheKink().build(),
                new Unary("elu", "Variable.elu()", new Variant("", unary(Variable::elu, x -> ElementwiseOracle.elu(x, 1.0)),
                        SampleCall.withScalar("elu", 1.0)))
                        .domain(NORMAL_EXP)
                        .kinkNote("elu", "x = 0 in second order only (with alpha 1 the slopes meet, the curvatures"
                                + " 1 and 0 do not)")
                        .tricky("x = 0 exactly, where the two pieces meet with equal slopes", r -> Values.around(0, 3, 4))
                        .build(),
                new Unary("elu(alpha)", "Variable.elu(double)", alpha(0.5), alpha(2.0), alpha(1.5))
                        .domain(NORMAL_EXP)
                        .kink(0, "elu", "x = 0 (subgradient 1)")
                        .trickyOnTheKink().build(),
                new Unary("normalCdf", "Variable.normalCdf()", unary(Variable::normalCdf, ElementwiseOracle::normalCdf))
                        .domain(EXP_OF_SQUARE)
                        .tricky("x = -35, the far left tail (values near 1e-268)", r -> Tensor.vector(-35, -34.5, 35))
                        .build(),
                new Unary("gelu", "Variable.gelu()",
                        unary(Variable::gelu, x -> x.multiply(ElementwiseOracle.normalCdf(x))))
                        .domain(EXP_OF_SQUARE)
                        .tricky("at its minimum x = -0.7518, where the gradient is 0", r -> Tensor.vector(-0.7517915, 0))
                        .build(),
                new Unary("silu", "Variable.silu()",
                        unary(Variable::silu, x -> x.multiply(ElementwiseOracle.sigmoid(x))))
                        .domain(Elementwise.reals(5, 40))
                        .tricky("at its minimum x = -1.2785, where the gradient is 0", r -> Tensor.vector(-1.2784645, 0))
                        .build(),
                softmax("logSoftmax", "Variable.logSoftmax(int)", false),
                softmax("softmax", "Variable.softmax(int)", true),
                maxout());
    }

    private static Variant slope(double a) {
        return new Variant("slope = " + a, unary(x -> x.leakyRelu(a), x -> ElementwiseOracle.leakyRelu(x, a)),
                SampleCall.withScalar("leakyRelu", a));
    }

    private static Variant alpha(double a) {
        return new Variant("alpha = " + a, unary(x -> x.elu(a), x -> ElementwiseOracle.elu(x, a)),
                SampleCall.withScalar("elu", a));
    }

    /** Softmax or log-softmax along each axis of ranks 1 to 3, large and tiny logits, and logits of +-1000. */
    private static Spec softmax(String name, String member, boolean exp) {
        return new Spec(name, 1, "rank >= 1, any axis; logits within a few units of each other, spread over 50"
                + " (probabilities down to e^-50), large, tiny, and +-1000", List.of(), true,
                List.of(member), List.of(), set -> {
            Random r = set.random();
            int[][] shapes = {{5}, {3, 4}, {3, 4}, {3, 4}, {2, 2, 3}, {2, 2, 3}, {0, 3}};
            int[] axes = {0, 1, 0, -1, 2, 1, 1};
            for (int i = 0; i < shapes.length; i++) {
                set.add(ShapeSpecs.rankName(shapes[i]) + ", axis " + axes[i], along(exp, axes[i]),
                        In.of("x", Values.uniform(r, -4, 4, shapes[i])));
            }
            // logits far from 0 but within a few units of each other: the shift by the row's maximum at work
            set.add("large logits, axis 1", along(exp, 1),
                    In.of("x", Values.uniform(r, -3, 3, 2, 3).plus(Values.magnitudes(r, 1e2, 1e4, true, 2, 1))));
            set.add("tiny logits, axis 1", along(exp, 1), In.of("x", Values.magnitudes(r, 1e-9, 1e-6, true, 2, 3)));
            set.add("widely spread logits (probabilities down to e^-50), axis 1", along(exp, 1),
                    In.of("x", Values.uniform(r, -50, 0, 2, 3)));
            set.tricky("logits +-1000 and a tie for the largest, axis 1", along(exp, 1), In.of("x", EXTREME_LOGITS));
        });
    }

    private static Target along(boolean exp, int axis) {
        return Target.of(v -> exp ? v.get(0).softmax(axis) : v.get(0).logSoftmax(axis),
                SampleCall.alongAxis(exp ? "softmax" : "logSoftmax", axis, false));
    }

    /** A Maxout unit {@code max(x w1 + b1, x w2 + b2)} over a batch {@code x [N, D]}; kinks where the two maps tie. */
    private static Spec maxout() {
        return new Spec("maxout", 5, "x [N, D], w1 and w2 [D, H], b1 and b2 [H]",
                List.of(new Kink("maxout/maximum", "x w1 + b1 = x w2 + b2 (a tie goes to the first map)")),
                List.of("Variable.maxout(Variable, Variable, Variable, Variable)"), set -> {
                    Random r = set.random();
                    Target t = Target.of(v -> v.get(0).maxout(v.get(1), v.get(2), v.get(3), v.get(4)),
                            SampleCall.of("maxout", 5));
                    int[][] sizes = {{3, 2, 2}, {1, 3, 1}, {4, 1, 3}, {0, 2, 2}};
                    String[] names = {"a batch of 3", "one example, one unit", "one feature", "an empty batch"};
                    for (int s = 0; s < sizes.length; s++) {
                        int n = sizes[s][0];
                        int d = sizes[s][1];
                        int h = sizes[s][2];
                        set.add(names[s] + " [" + n + ", " + d + "] -> [" + n + ", " + h + "]", t, maxoutInputs(r, n, d, h, 1));
                    }
                    set.add("large weights [3, 2] -> [3, 2]", t, maxoutInputs(r, 3, 2, 2, 1e3));
                    set.add("tiny weights [3, 2] -> [3, 2]", t, maxoutInputs(r, 3, 2, 2, 1e-6));
                    In[] in = maxoutInputs(r, 3, 2, 2, 1);
                    Tensor w2 = in[1].value().plus(Values.around(0, 2, 2));
                    set.add("near ties: w2 = w1 + offsets of 1e-6", t, in[0], in[1], in[2], In.of("w2", w2), In.of("b2", in[2].value()));
                    In[] tie = maxoutInputs(r, 3, 2, 2, 1);
                    set.tricky("two identical maps: every unit ties", t, tie[0], tie[1], tie[2], In.of("w2", tie[1].value()),
                            In.of("b2", tie[2].value()));
                });
    }

    private static In[] maxoutInputs(Random r, int n, int d, int h, double scale) {
        return new In[] {
            In.of("x", Values.uniform(r, -2, 2, n, d)), In.of("w1", Values.uniform(r, -scale, scale, d, h)),
            In.of("b1", Values.uniform(r, -scale, scale, h)), In.of("w2", Values.uniform(r, -scale, scale, d, h)),
            In.of("b2", Values.uniform(r, -scale, scale, h))};
    }
}
