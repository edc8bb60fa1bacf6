package dev.gradproof.gradcheck.catalogue;

import dev.gradproof.autograd.Autograd;
import dev.gradproof.autograd.KinkedOp;
import dev.gradproof.autograd.Losses;
import dev.gradproof.autograd.Op;
import dev.gradproof.autograd.Tensor;
import dev.gradproof.autograd.Variable;
import dev.gradproof.gradcheck.GradCheck;
import dev.gradproof.gradcheck.model.GradCheckResult;
import dev.gradproof.gradcheck.model.InputResult;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.UnaryOperator;

import static dev.gradproof.gradcheck.assertj.GradProofAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The conventions autograd-core documents at the points where the catalogue's random samples almost never land,
 * each checked against a source outside the implementation:
 * <ul>
 *   <li>subgradients at a kink, from the ops' javadoc and PyTorch's conventions: {@code abs'(0) = 0}
 *       ({@code sign(0) = 0}), {@code relu'(0) = 0}, leaky ReLU and ELU take slope 1 at 0 (the notes'
 *       {@code 1(x >= 0) x}); at a tie {@code max(a, a)} / {@code min(a, a)} the whole upstream goes to the first
 *       input ({@code Variable.maximum}'s javadoc);</li>
 *   <li>the logistic sigmoid in the tails, where {@code e^|v|} overflows ({@code |v| > 709.78}): the exact value
 *       rounds to 1 for {@code v >= 710} (since {@code 1 - sigma(v) < e^-v}, far below 2^-54, half the spacing of the doubles just below 1), lies below the smallest
 *       normal double for {@code v <= -710} ({@code sigma(v) < e^v <= e^-710 ~ 4.5e-309}) and rounds to 0 for
 *       {@code v <= -745.2} ({@code e^v} below half the smallest subnormal); its derivative
 *       {@code sigma (1 - sigma)} is as small and never NaN;</li>
 *   <li>a piecewise op with equal slopes on both sides (leaky ReLU with slope 1, ELU with alpha 1) is no kink, so
 *       gradcheck reports none there (KinkedOp.hasKink);</li>
 *   <li>names: the recorded op of a reversal of axes is {@code transpose}, of any other reordering
 *       {@code permute}; ops inside a loss are described by the composite ({@code svmHinge/relu}) and ops after it
 *       are not; gradcheck names an input after its variable (Variable.name);</li>
 *   <li>axes out of range are rejected naming the axis.</li>
 * </ul>
 * Every input here is hand-picked (no random choice).
 */
class OpConventionsTest {

    // ------------------------------------------------------------------ subgradients and ties

    @Test
    void absAtZeroIsZeroWithSubgradientZero() {
        Variable x = Variable.leaf("x", Tensor.vector(0.0, -0.0, -2, 3));
        Variable y = x.abs();
        // |+-0| = +0 (IEEE 754 abs clears the sign bit)
        assertThat(Double.doubleToRawLongBits(y.value().getFlat(0))).isEqualTo(Double.doubleToRawLongBits(0.0));
        assertThat(Double.doubleToRawLongBits(y.value().getFlat(1))).isEqualTo(Double.doubleToRawLongBits(0.0));
        assertThat(y.value().toArray()).containsExactly(0, 0, 2, 3);
        assertThat(Autograd.grad(y.sum(), x, false).value().toArray()).containsExactly(0, 0, -1, 1);
    }

    @Test
    void reluLeakyReluAndEluAtZeroTakeTheDocumentedSlopes() {
        Variable x = Variable.leaf("x", Tensor.vector(0.0, -1, 1));
        assertThat(grad(x, Variable::relu)).containsExactly(0, 0, 1);
        assertThat(grad(x, v -> v.leakyRelu(0.2))).containsExactly(new double[] {1, 0.2, 1}, within(0.0));
        assertThat(grad(x, Variable::leakyRelu)).containsExactly(new double[] {1, 0.01, 1}, within(0.0));
        assertThat(grad(x, v -> v.elu(0.5))[0]).isEqualTo(1.0);
        assertThat(grad(x, v -> v.elu(0.5))[1]).isCloseTo(0.5 * Math.exp(-1), within(1e-16));
        assertThat(x.leakyRelu(0.2).value().toArray()).containsExactly(new double[] {0, -0.2, 1}, within(1e-16));
    }

    @Test
    void aTieOfMaximumOrMinimumGivesTheWholeUpstreamToTheFirstInput() {
        Variable a = Variable.leaf("a", Tensor.vector(2, -1, 5, 0));
        Variable b = Variable.leaf("b", Tensor.vector(2, -1, 1, 7));
        for (boolean max : new boolean[] {true, false}) {
            Variable out = max ? a.maximum(b) : a.minimum(b);
            assertThat(out.value().toArray()).as(max ? "max" : "min")
                    .containsExactly(max ? new double[] {2, -1, 5, 7} : new double[] {2, -1, 1, 0});
            List<Variable> g = Autograd.grad(out, List.of(a, b), Variable.constant(Tensor.vector(3, 4, 5, 6)), false);
            double[] first = max ? new double[] {3, 4, 5, 0} : new double[] {3, 4, 0, 6};
            double[] second = max ? new double[] {0, 0, 0, 6} : new double[] {0, 0, 5, 0};
            assertThat(g.get(0).value().toArray()).as(max ? "d max / da" : "d min / da").containsExactly(first);
            assertThat(g.get(1).value().toArray()).as(max ? "d max / db" : "d min / db").containsExactly(second);
        }
    }

    // ------------------------------------------------------------------ sigmoid in the tails

    @Test
    void sigmoidWhereTheExponentialOverflowsIsOneOrBelowTheNormalsWithAFiniteGradient() {
        double[] v = {710, 745, 800, 1e308, -710, -745, -800, -1e308};
        Variable x = Variable.leaf("x", Tensor.vector(v));
        Variable y = x.sigmoid();
        double[] g = Autograd.grad(y.sum(), x, false).value().toArray();
        double[] gg = Autograd.grad(y.sum(), x, true).value().toArray();
        for (int i = 0; i < v.length; i++) {
            double s = y.value().getFlat(i);
            if (v[i] > 0) {
                assertThat(s).as("sigmoid(%s)", v[i]).isEqualTo(1.0);
            } else {
                assertThat(s).as("sigmoid(%s)", v[i]).isBetween(0.0, Double.MIN_NORMAL);
                if (v[i] <= -800) {
                    assertThat(s).as("sigmoid(%s)", v[i]).isZero();
                }
            }
            assertThat(g[i]).as("sigmoid'(%s)", v[i]).isBetween(0.0, Double.MIN_NORMAL);
            assertThat(gg[i]).as("sigmoid'(%s) with createGraph", v[i]).isBetween(0.0, Double.MIN_NORMAL);
        }
    }

    // ------------------------------------------------------------------ kinks and their records

    @Test
    void equalSlopesOnBothSidesAreNoKink() {
        double[] atZero = {0.0, 0.0, -0.5, 0.5};
        GradCheckResult identity = GradCheck.of(v -> v.get(0).leakyRelu(1.0).sum()).input("x", atZero).record(false).check();
        assertThat(identity).passes().hasNoKinks();
        GradCheckResult smoothElu = GradCheck.of(v -> v.get(0).elu(1.0).sum()).input("x", atZero).record(false).check();
        assertThat(smoothElu).passes().hasNoKinks();
        GradCheckResult leaky = GradCheck.of(v -> v.get(0).leakyRelu(0.5).sum()).input("x", atZero).record(false).check();
        assertThat(leaky).hasKinkIn("leakyRelu").hasKinkAt("x", 0);
    }

    /** Each op's legend documents every branch code its forward pass records (KinkedOp.branchLegend). */
    @Test
    void everyRecordedBranchIsDocumentedByTheLegend() {
        Variable x = Variable.leaf("x", Tensor.vector(-1, 0, 1, Double.NaN));
        Variable other = Variable.leaf("y", Tensor.vector(0, 0, 0, 0));
        for (Variable out : List.of(x.abs(), x.relu(), x.leakyRelu(0.3), x.elu(0.7), x.maximum(other), x.minimum(other))) {
            KinkedOp op = (KinkedOp) out.creator().orElseThrow();
            String legend = op.branchLegend();
            for (int b : op.branches()) {
                assertThat(legend).as("%s's legend names branch %d", op.name(), b).contains(b + ": ");
            }
            assertThat(legend).as(op.name()).contains("-1: NaN");
        }
        assertThat(((KinkedOp) x.abs().creator().orElseThrow()).branchLegend()).contains("subgradient 0");
    }

    // ------------------------------------------------------------------ names

    @Test
    void aReversalOfAxesIsRecordedAsTransposeAndAnyOtherOrderAsPermute() {
        assertThat(opName(Variable.leaf(Tensor.zeros(2, 3)).transpose())).isEqualTo("transpose");
        assertThat(opName(Variable.leaf(Tensor.zeros(2, 3, 4)).transpose())).isEqualTo("transpose");
        assertThat(opName(Variable.leaf(Tensor.zeros(5)).transpose())).isEqualTo("transpose");
        assertThat(opName(Variable.leaf(Tensor.zeros(2, 3)).permute(1, 0))).isEqualTo("transpose");
        assertThat(opName(Variable.leaf(Tensor.zeros(2, 3, 4)).permute(2, 1, 0))).isEqualTo("transpose");
        assertThat(opName(Variable.leaf(Tensor.zeros(2, 3, 4)).permute(0, 2, 1))).isEqualTo("permute");
        assertThat(opName(Variable.leaf(Tensor.zeros(2, 3, 4)).permute(1, 2, 0))).isEqualTo("permute");
        assertThat(opName(Variable.leaf(Tensor.zeros(2, 3, 4)).permute(2, 0, 1))).isEqualTo("permute");
        assertThat(opName(Variable.leaf(Tensor.zeros(2, 3)).permute(0, 1))).isEqualTo("permute");
    }

    @Test
    void opsInsideALossAreDescribedByItAndOpsAfterItAreNot() {
        Variable scores = Variable.leaf("scores", Tensor.matrix(new double[][] {{2, 1, 0.5}}));
        Variable loss = Losses.svmHinge(scores, new int[] {0});
        assertThat(loss.creator().orElseThrow().describe()).startsWith("svmHinge/");
        Variable after = scores.relu();
        assertThat(after.creator().orElseThrow().describe()).isEqualTo("relu");
        try (var ignored = Op.composite("network")) {
            Variable inner = Losses.svmHinge(scores, new int[] {0});
            assertThat(inner.creator().orElseThrow().describe()).startsWith("network/svmHinge/");
            assertThat(scores.exp().creator().orElseThrow().describe()).isEqualTo("network/exp");
        }
        assertThat(scores.exp().creator().orElseThrow().describe()).isEqualTo("exp");
    }

    @Test
    void gradcheckNamesInputsAfterTheirVariables() {
        Variable w = Variable.leaf("w", Tensor.vector(1, 2));
        Variable x = Variable.constant("x", Tensor.vector(3, 4));
        Variable unnamed = Variable.leaf(Tensor.vector(5, 6));
        GradCheckResult result = GradCheck.of(v -> v.get(0).mul(v.get(1)).mul(v.get(2)).sum())
                .at(w, x, unnamed).record(false).check();
        assertThat(result).passes();
        assertThat(result.inputs()).extracting(InputResult::name).containsExactly("w", "x", "input2");
        assertThat(w.name()).contains("w");
        assertThat(unnamed.name()).isEmpty();
    }

    // ------------------------------------------------------------------ axes

    @Test
    void transposeRejectsAnAxisOutOfRangeNamingIt() {
        Variable m = Variable.leaf(Tensor.zeros(2, 3));
        assertThatThrownBy(() -> m.transpose(0, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("axis 2").hasMessageContaining("[2, 3]");
        assertThatThrownBy(() -> m.transpose(-1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("axis -1");
        assertThat(m.transpose(1, 0).shape().dims()).containsExactly(3, 2);
        assertThat(m.transpose(1, 1).shape().dims()).as("the same axis twice: the identity").containsExactly(2, 3);
    }

    private static double[] grad(Variable x, UnaryOperator<Variable> f) {
        return Autograd.grad(f.apply(x).sum(), x, false).value().toArray();
    }

    private static String opName(Variable v) {
        return v.creator().orElseThrow().name();
    }
}
