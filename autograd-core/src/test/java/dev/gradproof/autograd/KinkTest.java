package dev.gradproof.autograd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The kinks: the subgradient each op takes at the point where it is not differentiable, the
 * tie rule of maximum and minimum (everything to the first argument), the branch records that
 * let a checker see a perturbation cross a kink, and how kinked ops are named and listed.
 */
class KinkTest {

    private static final double NAN = Double.NaN;

    private static KinkedOp kinked(Variable output) {
        return (KinkedOp) output.creator().orElseThrow();
    }

    // ------------------------------------------------------------------ subgradients at the kink

    @Test
    void reluAtExactlyZeroHasSubgradientZero() {
        Variable x = Variable.leaf("x", Tensor.vector(0.0, -0.0));
        Variable y = x.relu();
        y.backward(Tensor.vector(3, 3));
        assertThat(y.value().toArray()).containsExactly(new double[] {0, 0}, within(0.0));
        assertThat(x.grad()).isEqualTo(Tensor.vector(0, 0));
    }

    @Test
    void leakyReluAtZeroHasSlopeOne() {
        Variable x = Variable.leaf("x", Tensor.vector(0.0));
        x.leakyRelu(0.2).backward(Tensor.vector(3));
        assertThat(x.grad()).isEqualTo(Tensor.vector(3));
    }

    @Test
    void eluAtZeroHasSlopeOneForAnyAlpha() {
        for (double alpha : new double[] {1.0, 0.5, 2.0}) {
            Variable x = Variable.leaf("x", Tensor.vector(0.0));
            Variable y = x.elu(alpha);
            y.backward(Tensor.vector(3));
            assertThat(y.value().getFlat(0)).isEqualTo(0.0);
            assertThat(x.grad().getFlat(0)).as("alpha %s", alpha).isEqualTo(3.0);
        }
    }

    @Test
    void absAtZeroHasSubgradientZero() {
        Variable x = Variable.leaf("x", Tensor.vector(0.0, -1.5, 2));
        x.abs().backward(Tensor.vector(3, 3, 3));
        assertThat(x.grad()).isEqualTo(Tensor.vector(0, -3, 3));
    }

    @Test
    void defaultLeakyReluSlopeIsOneHundredth() {
        Variable x = Variable.leaf("x", Tensor.vector(-2, 5));
        Variable y = x.leakyRelu();
        y.backward(Tensor.vector(1, 1));
        assertThat(y.value().getFlat(0)).isCloseTo(-0.02, within(1e-17));
        assertThat(y.value().getFlat(1)).isEqualTo(5.0);
        assertThat(x.grad().getFlat(0)).isEqualTo(0.01);
        assertThat(x.grad().getFlat(1)).isEqualTo(1.0);
    }

    @Test
    void defaultEluAlphaIsOne() {
        Variable x = Variable.leaf("x", Tensor.vector(-1, 5));
        Variable y = x.elu();
        y.backward(Tensor.vector(1, 1));
        // alpha (e^x - 1) and slope alpha e^x with alpha = 1, at x = -1.
        assertThat(y.value().getFlat(0)).isCloseTo(Math.exp(-1) - 1, within(1e-16));
        assertThat(x.grad().getFlat(0)).isCloseTo(Math.exp(-1), within(1e-16));
        assertThat(x.grad().getFlat(1)).isEqualTo(1.0);
    }

    // ------------------------------------------------------------------ ties of maximum and minimum

    @Test
    void maximumAndMinimumGiveATieToTheFirstArgument() {
        Tensor upstream = Tensor.vector(10, 20, 30);
        Variable a = Variable.leaf("a", Tensor.vector(1, 2, 4));
        Variable b = Variable.leaf("b", Tensor.vector(1, 5, 4));
        a.maximum(b).backward(upstream);
        assertThat(a.grad()).isEqualTo(Tensor.vector(10, 0, 30));
        assertThat(b.grad()).isEqualTo(Tensor.vector(0, 20, 0));

        a.zeroGrad();
        b.zeroGrad();
        b.maximum(a).backward(upstream);
        assertThat(b.grad()).as("b first: the ties are b's").isEqualTo(Tensor.vector(10, 20, 30));
        assertThat(a.grad()).isEqualTo(Tensor.vector(0, 0, 0));

        a.zeroGrad();
        b.zeroGrad();
        a.minimum(b).backward(upstream);
        assertThat(a.grad()).isEqualTo(Tensor.vector(10, 20, 30));
        assertThat(b.grad()).isEqualTo(Tensor.vector(0, 0, 0));

        a.zeroGrad();
        b.zeroGrad();
        b.minimum(a).backward(upstream);
        assertThat(b.grad()).isEqualTo(Tensor.vector(10, 0, 30));
        assertThat(a.grad()).isEqualTo(Tensor.vector(0, 20, 0));
    }

    @Test
    void tieRuleHoldsUnderBroadcasting() {
        // s = 2 against v = (2, 2, 1, 3): ties at 0 and 1.
        Tensor upstream = Tensor.vector(1, 10, 100, 1000);
        Variable s = Variable.scalar("s", 2);
        Variable v = Variable.leaf("v", Tensor.vector(2, 2, 1, 3));

        s.maximum(v).backward(upstream);
        assertThat(s.grad().item()).as("s wins the ties and element 2").isEqualTo(111.0);
        assertThat(v.grad()).isEqualTo(Tensor.vector(0, 0, 0, 1000));

        s.zeroGrad();
        v.zeroGrad();
        v.maximum(s).backward(upstream);
        assertThat(v.grad()).as("v first wins the ties").isEqualTo(Tensor.vector(1, 10, 0, 1000));
        assertThat(s.grad().item()).isEqualTo(100.0);

        s.zeroGrad();
        v.zeroGrad();
        s.minimum(v).backward(upstream);
        assertThat(s.grad().item()).as("s wins the ties and element 3").isEqualTo(1011.0);
        assertThat(v.grad()).isEqualTo(Tensor.vector(0, 0, 100, 0));
    }

    // ------------------------------------------------------------------ branch records

    static List<Arguments> branchRecords() {
        return List.of(
                Arguments.of("relu", (UnaryOperator<Variable>) Variable::relu, new int[] {0, 0, 0, 1, -1}),
                Arguments.of("leakyRelu", (UnaryOperator<Variable>) Variable::leakyRelu, new int[] {0, 1, 1, 1, -1}),
                Arguments.of("elu", (UnaryOperator<Variable>) v -> v.elu(0.5), new int[] {0, 1, 1, 1, -1}),
                Arguments.of("abs", (UnaryOperator<Variable>) Variable::abs, new int[] {0, 1, 1, 2, -1}),
                Arguments.of("maximum", (UnaryOperator<Variable>) v -> v.maximum(Variable.constant(0)),
                        new int[] {1, 0, 0, 0, -1}),
                Arguments.of("minimum", (UnaryOperator<Variable>) v -> v.minimum(Variable.constant(0)),
                        new int[] {0, 0, 0, 1, -1}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("branchRecords")
    void branchRecordsFollowTheLegend(String name, UnaryOperator<Variable> op, int[] expected) {
        Variable x = Variable.leaf("x", Tensor.vector(-1.5, 0.0, -0.0, 2, NAN));
        KinkedOp k = kinked(op.apply(x));
        assertThat(k.name()).isEqualTo(name);
        assertThat(k.branches()).containsExactly(expected);
        assertThat(k.branchLegend()).contains("-1: NaN").containsPattern("subgradient|tie");
        assertThat(k.hasKink()).isTrue();
    }

    @Test
    void branchesOfABroadcastExtremumArePerOutputElement() {
        Variable a = Variable.leaf("a", Tensor.of(new double[] {1, 3}, 2, 1));
        Variable b = Variable.leaf("b", Tensor.vector(0, 1, 3));
        assertThat(kinked(a.maximum(b)).branches()).containsExactly(0, 0, 1, 0, 0, 0);
    }

    @Test
    void branchesReturnsACopy() {
        KinkedOp k = kinked(Variable.leaf(Tensor.vector(-1, 1)).relu());
        k.branches()[0] = 7;
        assertThat(k.branches()).containsExactly(0, 1);
    }

    @Test
    void branchRecordsTellWhenAPerturbationCrossesAKink() {
        double h = 1e-6;
        Variable below = Variable.leaf(Tensor.vector(1e-7 - h));
        Variable above = Variable.leaf(Tensor.vector(1e-7 + h));
        assertThat(kinked(below.relu()).branches()).isNotEqualTo(kinked(above.relu()).branches());
        Variable farBelow = Variable.leaf(Tensor.vector(0.5 - h));
        Variable farAbove = Variable.leaf(Tensor.vector(0.5 + h));
        assertThat(kinked(farBelow.relu()).branches()).isEqualTo(kinked(farAbove.relu()).branches());
    }

    @Test
    void leakyReluWithSlopeOneIsTheIdentityAndHasNoKink() {
        Variable x = Variable.leaf(Tensor.vector(-1, 1));
        assertThat(kinked(x.leakyRelu(1.0)).hasKink()).isFalse();
        assertThat(kinked(x.leakyRelu()).hasKink()).isTrue();
        assertThat(kinked(x.leakyRelu(0.2)).hasKink()).isTrue();
    }

    @Test
    void eluSlopeIsOneAtPlusInfinityAndZeroAtMinusInfinity() {
        Variable x = Variable.leaf(Tensor.vector(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));
        x.elu(0.5).sum().backward();
        assertThat(x.grad().toArray()).containsExactly(1.0, 0.0);
    }

    @Test
    void eluWithAlphaOneHasNoKink() {
        Variable x = Variable.leaf(Tensor.vector(-1, 1));
        assertThat(kinked(x.elu()).hasKink()).isFalse();
        assertThat(kinked(x.elu(1.0)).hasKink()).isFalse();
        assertThat(kinked(x.elu(0.5)).hasKink()).isTrue();
        assertThat(kinked(x.elu(2.0)).hasKink()).isTrue();
    }

    // ------------------------------------------------------------------ names and order

    @Test
    void kinkedOpsAreListedInForwardOrder() {
        Variable x = Variable.leaf("x", Tensor.vector(-1, 2));
        Variable y = Variable.leaf("y", Tensor.vector(0.5, 0.5));
        Variable f = x.relu().mul(2.0).abs().maximum(y).leakyRelu().sum();
        assertThat(Graph.kinkedOps(f)).extracting(KinkedOp::name)
                .containsExactly("relu", "abs", "maximum", "leakyRelu");
        assertThat(Graph.kinkedOps(x.exp().sum())).isEmpty();
    }

    @Test
    void kinkedOpsOfAForkAreListedOnceAndBeforeTheirConsumers() {
        Variable x = Variable.leaf("x", Tensor.vector(-1, 2));
        Variable r = x.relu();
        Variable f = r.add(r.abs()).add(x.abs()).elu(0.5).sum();
        List<String> names = Graph.kinkedOps(f).stream().map(KinkedOp::name).toList();
        assertThat(names).hasSize(4).containsOnlyOnce("relu", "elu").endsWith("elu");
        assertThat(names.indexOf("relu")).isLessThan(names.lastIndexOf("abs"));
    }

    @Test
    void kinksInsideCompositesAreNamedWithTheCompositePrefix() {
        Variable scores = Variable.leaf("scores", Tensor.matrix(new double[][] {{1, 2}, {3, 0}}));
        List<String> hinge = Graph.kinkedOps(Losses.svmHinge(scores, new int[] {0, 1}))
                .stream().map(KinkedOp::describe).toList();
        assertThat(hinge).containsExactly("svmHinge/relu");

        Variable x = Variable.leaf("x", Tensor.ones(1, 2));
        Variable w = Variable.leaf("w", Tensor.ones(2, 3));
        Variable b = Variable.leaf("b", Tensor.zeros(3));
        List<String> maxout = Graph.kinkedOps(x.maxout(w, b, w, b).sum()).stream().map(KinkedOp::describe).toList();
        assertThat(maxout).containsExactly("maxout/maximum");

        try (Scope ignored = Op.composite("network")) {
            Variable loss = Losses.svmHinge(scores, new int[] {0, 1});
            assertThat(Graph.kinkedOps(loss)).extracting(KinkedOp::describe).containsExactly("network/svmHinge/relu");
        }
        assertThat(kinked(x.relu()).describe()).as("the composite scope closed").isEqualTo("relu");
    }

    @Test
    void smoothCompositesNameTheirPartsToo() {
        Variable x = Variable.leaf("x", Tensor.vector(1));
        assertThat(x.gelu().creator().orElseThrow().describe()).isEqualTo("gelu/mul");
        assertThat(x.silu().creator().orElseThrow().describe()).isEqualTo("silu/mul");
        assertThat(x.gelu().parents().get(1).creator().orElseThrow().describe()).isEqualTo("gelu/normalCdf");
        assertThat(x.relu().creator().orElseThrow().toString()).isEqualTo("relu");
    }
}
