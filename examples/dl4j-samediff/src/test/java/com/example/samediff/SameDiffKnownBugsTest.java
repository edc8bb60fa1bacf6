package com.example.samediff;

import com.example.samediff.SameDiffFunction.Body;
import com.example.samediff.SameDiffFunction.In;
import dev.gradproof.gradcheck.model.CheckVerdict;
import dev.gradproof.gradcheck.model.GradCheckResult;
import dev.gradproof.properties.engine.OpCall;
import dev.gradproof.properties.engine.Ops;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One expected failure per {@link KnownBug} of SameDiff 1.0.0-M2.1, at the small point README.md
 * quotes: gradcheck must FAIL there, and where a right value is derived by hand below, SameDiff's
 * value must differ from it. Once SameDiff fixes a bug, its test here fails: move the bug out of
 * {@link KnownBug} and README.md. The right values are also computed by PyTorch in
 * {@code confirm/confirm_with_torch.py}. Tagged expected-failure, so the report counts these
 * failing checks apart, as failing on purpose.
 */
@Tag("expected-failure")
class SameDiffKnownBugsTest {

    private static final double[] U3 = {1, 2, 3};

    @Test
    void divByABroadcastScalar() {
        // d/db sum(u * a / b) = -sum(u * a) / b^2 = -(1 + 4 + 9) / 4
        double[][] g = assertGradcheckFails(KnownBug.DIV_SCALAR_DIVISOR, op(OpCall.of(Ops.DIV)),
                U3, in("a", 1, 2, 3).shape(3), in("b", 2).shape(1));
        assertDiffers(-3.5, g[1][0], "d/db");
    }

    @Test
    void maximumWithABroadcastOperand() {
        // max([3, 1], 2) = [3, 2]: b wins at element 1 only, so d/db sum(u * max) = u[1] = 10
        double[][] g = assertGradcheckFails(KnownBug.MAXIMUM_BROADCAST, op(OpCall.of(Ops.MAXIMUM)),
                new double[] {1, 10}, in("a", 3, 1).shape(2), in("b", 2).shape(1));
        assertDiffers(10, g[1][0], "d/db");
    }

    @Test
    void minimumWithABroadcastOperand() {
        // min([1, 2, 3], 1.5) = [1, 1.5, 1.5]: d/db = u[1] + u[2] = 5, of b's shape [1]
        double[][] g = assertGradcheckFails(KnownBug.MINIMUM_BROADCAST, op(OpCall.of(Ops.MINIMUM)),
                U3, in("a", 1, 2, 3).shape(3), in("b", 1.5).shape(1));
        assertFalse(g[1].length == 1 && g[1][0] == 5, "d/db " + Arrays.toString(g[1]) + " is right: the bug is fixed");
    }

    @Test
    void maximumAndMinimumAtATieGiveTheUpstreamToBoth() {
        // max(x, x) = min(x, x) = x: d/dx sum(u * x) = u = [1, 2, 3]
        KnownBug bug = KnownBug.MAXIMUM_MINIMUM_TIE;
        double[][] max = assertGradcheckFails(bug, (sd, v) -> sd.math().max(v.get(0), v.get(0)), U3, in("x", 0.5, -1, 2).shape(3));
        assertDiffers(1, max[0][0], "d/dx max(x, x)");
        double[][] min = assertGradcheckFails(bug, (sd, v) -> sd.math().min(v.get(0), v.get(0)), U3, in("x", 0.5, -1, 2).shape(3));
        assertDiffers(1, min[0][0], "d/dx min(x, x)");
    }

    @Test
    void leakyReluBackwardUsesAFloatSlope() {
        // d/dx leakyRelu(x, 0.01) at x = -1 is the slope 0.01
        double[][] g = assertGradcheckFails(KnownBug.LEAKY_RELU_FLOAT_SLOPE, op(OpCall.withScalar(Ops.LEAKY_RELU, 0.01)),
                new double[] {1, 1}, in("x", -1, 2).shape(2));
        assertDiffers(0.01, g[0][0], "d/dx at -1");
    }

    @Test
    void broadcastToHasNoBackward() {
        assertGradcheckFails(KnownBug.BROADCAST_TO_NO_BACKWARD, op(OpCall.withInts(Ops.BROADCAST_TO, 2, 3)),
                null, in("x", 1, 2, 3).shape(3));
    }

    @Test
    void matmulOfOneByOneMatricesCrashesInBackward() {
        assertGradcheckFails(KnownBug.MATMUL_1X1_BACKWARD, op(OpCall.of(Ops.MATMUL)), null,
                in("x", 2).shape(1, 1), in("w", 3).shape(1, 1));
    }

    @Test
    void logSoftmaxAlongAnAxisCrashesInBackward() {
        assertGradcheckFails(KnownBug.LOG_SOFTMAX_AXIS_BACKWARD, op(OpCall.alongAxis(Ops.LOG_SOFTMAX, 1, false)), null,
                in("x", 1, 2, 3, 1, 0, -1).shape(2, 3));
    }

    @Test
    void logSoftmaxOverflowsToMinusInfinity() {
        // log softmax([1000, -1000, 0]) = x - max - log(sum exp(x - max)) = [0, -2000, -1000] (up to e^-1000)
        Body body = op(OpCall.alongAxis(Ops.LOG_SOFTMAX, 1, false));
        double[] value = SameDiffFunction.run(body, List.of(new int[] {1, 3}), new double[][] {{1000, -1000, 0}}).data();
        System.err.println("KNOWN " + KnownBug.LOG_SOFTMAX_OVERFLOW + " value " + Arrays.toString(value) + ", right [0, -2000, -1000]");
        assertFalse(value[1] == -2000 && value[2] == -1000, "log softmax is finite: the bug is fixed");
        assertGradcheckFails(KnownBug.LOG_SOFTMAX_OVERFLOW, body, null, in("x", 1000, -1000, 0).shape(1, 3));
    }

    @Test
    void softmaxIsNaNWhereEveryLogitUnderflows() {
        // each row of softmax([[-1000, -1001, -1002], [1, 2, 3]], 1) is e^[0, -1, -2] / (1 + e^-1 + e^-2), reversed in row 2
        double norm = 1 + Math.exp(-1) + Math.exp(-2);
        double[] right = {1 / norm, Math.exp(-1) / norm, Math.exp(-2) / norm, Math.exp(-2) / norm, Math.exp(-1) / norm, 1 / norm};
        Body body = op(OpCall.alongAxis(Ops.SOFTMAX, 1, false));
        double[] value = SameDiffFunction.run(body, List.of(new int[] {2, 3}), new double[][] {{-1000, -1001, -1002, 1, 2, 3}}).data();
        System.err.println("KNOWN " + KnownBug.SOFTMAX_UNDERFLOW_NAN + " value " + Arrays.toString(value) + ", right " + Arrays.toString(right));
        boolean allRight = true;
        for (int i = 0; i < right.length; i++) {
            allRight &= Math.abs(value[i] - right[i]) <= 1e-12 * right[i];
        }
        assertFalse(allRight, "softmax is right: the bug is fixed");
        assertGradcheckFails(KnownBug.SOFTMAX_UNDERFLOW_NAN, body, null, in("x", -1000, -1001, -1002, 1, 2, 3).shape(2, 3));
    }

    @Test
    void sumAndMeanAlongASizeOneAxisOfAMatrixCrash() {
        assertGradcheckFails(KnownBug.REDUCE_SIZE1_AXIS, op(OpCall.alongAxis(Ops.SUM_AXIS, 1, true)), null,
                in("x", 1, 2, 3, 4).shape(4, 1));
        assertGradcheckFails(KnownBug.REDUCE_SIZE1_AXIS, op(OpCall.alongAxis(Ops.MEAN_AXIS, 0, false)), null,
                in("x", 1, 2, 3).shape(1, 3));
    }

    @Test
    void sumSquaredErrorIgnoresItsUpstream() {
        // d/dp (2 * sum (p - t)^2) = 4 (p - t) = [4, 8, 8]
        double[][] g = SameDiffFunction.gradients(op(OpCall.of(Ops.SUM_SQUARED_ERROR)), List.of(new int[] {3}, new int[] {3}),
                new double[][] {{1, 2, 3}, {0, 0, 1}}, new double[] {2});
        System.err.println("KNOWN " + KnownBug.LOSS_IGNORES_UPSTREAM + " sumSquaredError upstream 2: d/dp " + Arrays.toString(g[0])
                + ", right [4.0, 8.0, 8.0]");
        assertFalse(Arrays.equals(g[0], new double[] {4, 8, 8}), "the upstream reaches the loss: the bug is fixed");
    }

    /** Every loss of SameDiff, the kit's and its own: gradcheck's twice-the-upstream check fails. */
    @TestFactory
    Stream<DynamicTest> everyLossIgnoresItsUpstream() {
        Stream<DynamicTest> kit = Probes.all().stream()
                .filter(p -> p.knownBug() == KnownBug.LOSS_IGNORES_UPSTREAM)
                .map(p -> DynamicTest.dynamicTest(p.label(), () -> assertFails(KnownBug.LOSS_IGNORES_UPSTREAM, p.gradCheck().check())));
        Stream<DynamicTest> own = LayerProbes.all().stream()
                .filter(p -> p.knownBug() == KnownBug.LOSS_IGNORES_UPSTREAM)
                .map(p -> DynamicTest.dynamicTest(p.name(), () -> assertFails(KnownBug.LOSS_IGNORES_UPSTREAM, p.gradCheck().check())));
        return Stream.concat(kit, own);
    }

    @Test
    void preciseGeluHasAMisplacedBracket() {
        // the tanh approximation 0.5 x (1 + tanh(sqrt(2 / pi) (x + 0.044715 x^3))) at x = -1
        double x = -1;
        double right = 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x)));
        Body body = (sd, v) -> sd.nn().preciseGelu(v.get(0));
        double value = SameDiffFunction.run(body, List.of(new int[] {1}), new double[][] {{x}}).data()[0];
        System.err.println("KNOWN " + KnownBug.PRECISE_GELU_BRACKET + " value at -1 " + value + ", right " + right);
        assertTrue(Math.abs(value - right) > 1e-3, "preciseGelu(-1) = " + value + " is the tanh approximation: the bug is fixed");
        assertGradcheckFails(KnownBug.PRECISE_GELU_BRACKET, body, null, in("x", -1, 0.5, 2).shape(3));
    }

    @Test
    void populationVarianceHasTheBiasCorrectedGradient() {
        // d/dx var = 2 (x - mean) / n; for [1, 2, 3, 4]: [-0.75, -0.25, 0.25, 0.75]
        double[][] g = assertGradcheckFails(KnownBug.VARIANCE_POPULATION, (sd, v) -> sd.variance(v.get(0), false, 1),
                new double[] {1}, in("x", 1, 2, 3, 4).shape(1, 4));
        assertDiffers(-0.75, g[0][0], "d/dx0");
    }

    @Test
    void biasCorrectedVarianceHasAFloatFactor() {
        // d/dx var = 2 (x - mean) / (n - 1); for [1, 2, 3, 4]: [-1, -1/3, 1/3, 1]
        double[][] g = assertGradcheckFails(KnownBug.VARIANCE_FLOAT_FACTOR, (sd, v) -> sd.variance(v.get(0), true, 1),
                new double[] {1}, in("x", 1, 2, 3, 4).shape(1, 4));
        assertDiffers(-1, g[0][0], "d/dx0");
    }

    @Test
    void cumsumAlongAxisOneHasAWrongGradient() {
        // d/dx[i][j] sum(u * cumsum(x, 1)) = sum over k >= j of u[i][k]: [[6, 5, 3], [15, 11, 6]]
        double[][] g = assertGradcheckFails(KnownBug.CUMSUM_ALONG_AXIS_1, (sd, v) -> sd.cumsum(v.get(0), false, false, 1),
                new double[] {1, 2, 3, 4, 5, 6}, in("x", 0.5, -1, 2, 1.5, 0, -2).shape(2, 3));
        assertFalse(Arrays.equals(g[0], new double[] {6, 5, 3, 15, 11, 6}), "cumsum's gradient is right: the bug is fixed");
    }

    @Test
    void logSumExpAlongAnAxisCrashesInBackward() {
        assertGradcheckFails(KnownBug.LOG_SUM_EXP_AXIS_BACKWARD, (sd, v) -> sd.math().logSumExp(v.get(0), 1), null,
                in("x", 1, 2, 3, 1, 0, -1).shape(2, 3));
    }

    // ------------------------------------------------------------------ helpers

    /** An input under construction: its name and values, then its shape. */
    private record Values(String name, double[] values) {
        In shape(int... dims) {
            return new In(name, values, dims);
        }
    }

    private static Values in(String name, double... values) {
        return new Values(name, values);
    }

    private static Body op(OpCall call) {
        return (sd, v) -> SameDiffOps.apply(sd, call, v, i -> null);
    }

    /**
     * Gradcheck of {@code body} at {@code inputs} must fail for {@code bug}; returns SameDiff's
     * gradients for {@code upstream} (null: none asked, as when backward throws).
     */
    private static double[][] assertGradcheckFails(KnownBug bug, Body body, double[] upstream, In... inputs) {
        assertFails(bug, SameDiffFunction.gradCheck(body, List.of(inputs)).op(bug.name()).label("SameDiff bug " + bug)
                .seed(Probes.SEED).check());
        if (upstream == null) {
            return null;
        }
        double[][] g = SameDiffFunction.gradients(body, Arrays.stream(inputs).map(In::shape).toList(),
                Arrays.stream(inputs).map(In::values).toArray(double[][]::new), upstream);
        System.err.println("KNOWN " + bug + " upstream " + Arrays.toString(upstream) + ": SameDiff's gradients " + Arrays.deepToString(g));
        return g;
    }

    private static void assertFails(KnownBug bug, GradCheckResult result) {
        System.err.println("KNOWN " + bug + ": " + result.summary());
        assertEquals(CheckVerdict.FAILED, result.verdict(),
                () -> "SameDiff bug " + bug + " no longer fails gradcheck: fixed? " + result.failureMessage());
    }

    private static void assertDiffers(double right, double sameDiff, String what) {
        assertTrue(sameDiff != right, what + ": SameDiff gives the right value " + right + ": the bug is fixed");
    }
}
