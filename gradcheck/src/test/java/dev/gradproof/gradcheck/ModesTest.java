package dev.gradproof.gradcheck;

import dev.gradproof.autograd.Tensor;
import dev.gradproof.autograd.Variable;
import dev.gradproof.gradcheck.model.GradCheckResult;
import dev.gradproof.gradcheck.model.Mode;
import dev.gradproof.gradcheck.model.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import dev.gradproof.gradcheck.model.TestContext;
import org.junit.jupiter.api.Tag;

import static dev.gradproof.gradcheck.assertj.GradProofAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** What each mode compares. */
class ModesTest {

    @Test
    void aSmallVectorOutputIsComparedThroughItsWholeJacobian() {
        GradCheckResult result = GradCheck.of(v -> v.get(0).softmax(1)).input("s", Tensor.randn(1, 2, 3)).check();
        assertThat(result).passes();
        assertThat(result.projections()).isZero();
        assertThat(result.inputs().get(0).records()).allSatisfy(r -> assertThat(r.component()).startsWith("output ["));
    }

    @Tag(TestContext.EXPECTED_FAILURE_TAG)
    @Test
    void aLargeVectorOutputIsComparedThroughRandomProjections() {
        GradCheckResult result = GradCheck.of(v -> v.get(0).softmax(1)).input("s", Tensor.randn(1, 4, 6)).check();
        assertThat(result).passes();
        assertThat(result.projections()).isEqualTo(4);
        assertThat(result.notes()).anyMatch(n -> n.contains("24 elements") && n.contains("4 random projections"));
        // a backward wrong by a sign in one column is caught through the projections
        GradCheckResult wrong = GradCheck.vector(in -> Foreign.map(in[0], Math::sin), (in, up) -> {
            double[] g = new double[up.length];
            for (int k = 0; k < g.length; k++) {
                g[k] = up[k] * Math.cos(in[0][k]) * (k == 13 ? -1 : 1);
            }
            return new double[][] {g};
        }).input("x", Foreign.uniform(3, 24, -1, 1)).check();
        assertThat(wrong).fails().hasFailureAt("x", 13);
        assertThat(wrong.statistics().failed()).isEqualTo(1);
    }

    @Test
    void theAnalyticGradientIsComputedOnceNotPerElement() {
        for (int n : new int[] {3, 30}) {
            GradCheckResult result = GradCheck.of(v -> v.get(0).tanh().sum()).input("x", Tensor.randn(1, n)).check();
            // one backward pass for the gradient, one for its rounding scale, three for the sanity checks
            // (again, twice the upstream, a zero upstream): the same for 3 elements as for 30
            assertThat(result.run().backwardPasses()).isEqualTo(5);
        }
    }

    @Test
    void sampledAlwaysChecksTheLargestGradientAndTheLargestValue() {
        double[] weights = new double[100];
        java.util.Arrays.fill(weights, 0.01);
        weights[77] = 5;
        double[] x = Foreign.uniform(5, 100, -1, 1);
        x[23] = 9;
        x[77] = 0.01;
        GradCheckResult result = GradCheck.of(v -> v.get(0).mul(Variable.constant(Tensor.of(weights, 10, 10))).tanh().sum())
                .input("x", x, 10, 10).mode(Mode.SAMPLED).samples(4).check();
        assertThat(result).passes();
        assertThat(result.inputs().get(0).elementsChecked()).isEqualTo(4);
        assertThat(result.inputs().get(0).verdictAt(77)).isNotNull();
        assertThat(result.inputs().get(0).verdictAt(23)).isNotNull();
    }

    @Test
    void sampledChecksTheElementsNearestAKink() {
        double[] x = Foreign.uniform(6, 100, 0.5, 2);
        for (int k = 0; k < x.length; k += 2) {
            x[k] = -x[k];
        }
        int[] near = {11, 42, 86};
        x[11] = 1e-7;
        x[42] = -3e-7;
        x[86] = 0;
        GradCheckResult result = GradCheck.of(v -> v.get(0).relu().sum()).input("x", x, 10, 10)
                .mode(Mode.SAMPLED).samples(10).check();
        assertThat(result).passes();
        // every element near a kink is sampled; the one on it is a KINK, those beside it are compared at a
        // step that no longer crosses it
        for (int k : near) {
            assertThat(result.inputs().get(0).verdictAt(k)).as("element " + k)
                    .isEqualTo(x[k] == 0 ? Verdict.KINK : Verdict.PASS);
        }
    }

    @Test
    void sampledChecksEveryElementOfASmallInput() {
        GradCheckResult result = GradCheck.of(v -> v.get(0).tanh().sum()).input("x", Tensor.randn(1, 6))
                .mode(Mode.SAMPLED).samples(10).check();
        assertThat(result.inputs().get(0).verdicts()).isEqualTo("PPPPPP");
        assertThat(result.samplesPerInput()).isEqualTo(10);
    }

    @Tag(TestContext.EXPECTED_FAILURE_TAG)
    @ParameterizedTest
    @EnumSource(value = Mode.class, names = {"FULL", "SAMPLED"})
    void aHigherOrderStencilFromCommonsMathWorksToo(Mode mode) {
        double[] x = Foreign.uniform(7, 8, -2, 2);
        assertThat(GradCheck.of(v -> v.get(0).tanh().sum()).input("x", x).stencil(5).mode(mode).check()).passes();
        assertThat(GradCheck.scalar(in -> Foreign.sumOf(in, Math::tanh),
                in -> Foreign.gradientOf(in, v -> (1 - Math.tanh(v) * Math.tanh(v)) * (1 + 1e-6)))
                .input("x", x).stencil(7).mode(mode).check()).fails();
    }
}
