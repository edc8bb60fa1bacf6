package dev.gradproof.gradcheck;

import dev.gradproof.autograd.Tensor;
import dev.gradproof.gradcheck.engine.DetectionConfidence;
import dev.gradproof.gradcheck.model.FastConfidence;
import dev.gradproof.gradcheck.model.GradCheckResult;
import dev.gradproof.gradcheck.model.Mode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import dev.gradproof.gradcheck.model.TestContext;
import org.junit.jupiter.api.Tag;

import static dev.gradproof.gradcheck.assertj.GradProofAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** FAST mode: u^T J v against the directional difference, and the confidence it states. */
class FastModeTest {

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.1, 0.5, 0.9, 1.0})
    void aCoordinateOfAUniformUnitVectorInThreeDimensionsIsUniform(double s) {
        // Archimedes: on the unit sphere in R^3, v_1 is uniform on [-1, 1], so P(|v_1| <= s) = s
        assertThat(DetectionConfidence.smallCoordinate(3, s)).isCloseTo(s, within(1e-12));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.1, 0.5, 0.9, 1.0})
    void onTheCircleTheCoordinateFollowsTheArcsineLaw(double s) {
        assertThat(DetectionConfidence.smallCoordinate(2, s)).isCloseTo(2 / Math.PI * Math.asin(s), within(1e-12));
    }

    @Test
    void inOneDimensionTheDirectionIsPlusOrMinusOne() {
        assertThat(DetectionConfidence.smallCoordinate(1, 0.99)).isZero();
        assertThat(DetectionConfidence.miss(1, 1, 1.0, 2.0)).isZero();
        assertThat(DetectionConfidence.miss(1, 1, 2.0, 1.0)).isEqualTo(1.0);
    }

    @Test
    void theMinimumDetectableErrorIsTheSmallestThatMeetsTheConfidence() {
        double[] taus = {1e-9, 2e-9, 1.5e-9, 1e-9};
        double e = DetectionConfidence.minDetectable(50, 1, taus, 0.99);
        assertThat(DetectionConfidence.missAll(50, 1, taus, e)).isLessThanOrEqualTo(0.01);
        assertThat(DetectionConfidence.missAll(50, 1, taus, e * 0.98)).isGreaterThan(0.01);
        double vector = DetectionConfidence.minDetectable(50, 6, taus, 0.99);
        assertThat(vector).isGreaterThan(e);
    }

    /** f(x) = sum(x^3 / 3) over 50 elements; its gradient x^2, wrong by delta in element 17 if asked. */
    private static GradCheck cubic(long seed, double delta) {
        double[] x = Foreign.uniform(40, 50, -1.5, 1.5);
        return GradCheck.scalar(in -> Foreign.sumOf(in, v -> v * v * v / 3), in -> {
            double[][] g = Foreign.gradientOf(in, v -> v * v);
            g[0][17] += delta;
            return g;
        }).input("x", x).mode(Mode.FAST).seed(seed).record(false);
    }

    @Test
    void theStatedConfidenceHolds() {
        int runs = 200;
        int missedAtTheStatedSize = 0;
        int missedAtAThirtiethOfIt = 0;
        for (long seed = 1; seed <= runs; seed++) {
            FastConfidence confidence = cubic(seed, 0).check().fastConfidence();
            double stated = confidence.minDetectableError();
            if (cubic(seed, stated).check().passed()) {
                missedAtTheStatedSize++;
            }
            if (cubic(seed, stated / 30).check().passed()) {
                missedAtAThirtiethOfIt++;
            }
        }
        System.out.printf("FAST confidence: %d of %d errors of the stated size missed, %d of %d a thirtieth of it%n",
                missedAtTheStatedSize, runs, missedAtAThirtiethOfIt, runs);
        // at the stated size at most 1% should be missed (2 expected of 200; 6 leaves room for chance)
        assertThat(missedAtTheStatedSize).isLessThanOrEqualTo(6);
        // and the statement is not vacuous: an error 30 times smaller is usually missed
        assertThat(missedAtAThirtiethOfIt).isGreaterThan(runs / 2);
    }

    @Test
    void theResultStatesWhatItCanPromise() {
        GradCheckResult result = cubic(3, 0).check();
        assertThat(result).passes();
        FastConfidence c = result.fastConfidence();
        assertThat(c.directions()).isEqualTo(4);
        assertThat(c.dimension()).isEqualTo(50);
        assertThat(c.outputs()).isEqualTo(1);
        assertThat(c.confidence()).isEqualTo(0.99);
        assertThat(c.minDetectableRelativeError()).isEqualTo(c.minDetectableError() / c.gradientNorm());
        assertThat(c.statement()).startsWith("FAST: 4 random directions over 50 elements catch an error in the gradient"
                + " of norm >= ").endsWith("with probability >= 99.0%");
        assertThat(result.directions()).hasSize(4);
        assertThat(result.inputs().get(0).elementsChecked()).isZero();
        assertThat(result.summary()).contains("4 directions checked");
    }

    @Test
    void vectorOutputsAreProjectedAndTheStatementSaysRankOne() {
        GradCheckResult result = GradCheck.of(v -> v.get(0).matmul(v.get(1)).tanh())
                .input("a", Tensor.randn(1, 3, 4)).input("b", Tensor.randn(2, 4, 5)).mode(Mode.FAST).directions(6)
                .check();
        assertThat(result).passes();
        assertThat(result.fastConfidence().outputs()).isEqualTo(15);
        assertThat(result.fastConfidence().statement()).contains("spectral norm", "rank one");
        assertThat(result.directions()).hasSize(6);
    }

    @Tag(TestContext.EXPECTED_FAILURE_TAG)
    @Test
    void aFailingDirectionIsConfirmedElementByElementAndNamesTheWrongElement() {
        // tanh on a 6 x 6 input, with the gradient wrong by 10% in element [4, 1] only
        double[] x = Foreign.uniform(3, 36, -2, 2);
        GradCheckResult result = GradCheck.scalar(in -> Foreign.sumOf(in, Math::tanh), in -> {
                    double[][] g = Foreign.gradientOf(in, v -> 1 - Math.tanh(v) * Math.tanh(v));
                    g[0][4 * 6 + 1] *= 1.1;
                    return g;
                }).input("x", x, 6, 6).mode(Mode.FAST).check();
        assertThat(result).fails().hasFailureAt("x", 4, 1);
        assertThat(result.input("x").orElseThrow().statistics().failed()).isEqualTo(1);
        assertThat(result.notes()).anyMatch(n -> n.contains("the element-wise check confirms it"));
    }
}
