package dev.gradproof.properties.kit;

import dev.gradproof.autograd.Tensor;
import dev.gradproof.gradcheck.GradCheck;
import dev.gradproof.gradcheck.model.GradCheckResult;
import dev.gradproof.gradcheck.model.Mode;
import dev.gradproof.properties.core.AutogradCoreAdapter;
import dev.gradproof.properties.engine.OpCall;
import dev.gradproof.properties.graph.GraphFunction;
import dev.gradproof.properties.graph.GraphSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;

import static dev.gradproof.gradcheck.assertj.GradProofAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The graph a jqwik run of the kit once shrank a false alarm to: {@code t1 = -x0;
 * ((t1 * t1) + (x0 * t1)) + (t1 + x0)}, identically 0. Its gradient, computed by any engine, is a
 * rounding residue of terms of size about |x0|, and the output (0) gives gradcheck no scale for it;
 * the reference rounding scale of {@link EngineFunction} does.
 */
class EngineFunctionTest {

    private static GraphSpec cancellingToZero(double x) {
        GraphSpec.Builder b = GraphSpec.builder();
        int x0 = b.leaf("x0", Tensor.scalar(x));
        int t1 = b.apply(OpCall.of("neg"), x0);
        int squares = b.apply(OpCall.of("add"), b.apply(OpCall.of("mul"), t1, t1), b.apply(OpCall.of("mul"), x0, t1));
        return b.build(b.apply(OpCall.of("add"), squares, b.apply(OpCall.of("add"), t1, x0)));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.3, 1.7, -2.2, 37.5, 1e3})
    void aGraphThatCancelsToZeroPassesWithTheReferenceRoundingScale(double x) {
        GraphSpec graph = cancellingToZero(x);
        for (Mode mode : Mode.values()) {
            GradCheckResult result = GradCheck.of(new EngineFunction(graph, new AutogradCoreAdapter()))
                    .input("x0", new double[] {x}).mode(mode).record(false).check();
            assertThat(result).passes();
        }
    }

    @Test
    void withoutTheReferenceScaleTheRoundingResidueIsAFalseAlarm() {
        // at x0 = 1.7 the engine's gradient is -2^-52 instead of 0, and the output 0 gives no scale
        GraphFunction f = GraphFunction.of(cancellingToZero(1.7), new AutogradCoreAdapter());
        assertThat(f.gradient(f.point()).get(0)[0]).isEqualTo(-0x1p-52);
        GradCheckResult asValuesOnly = GradCheck.scalar(in -> f.value(Arrays.asList(in)),
                in -> f.gradient(Arrays.asList(in)).toArray(new double[0][]))
                .input("x0", new double[] {1.7}).record(false).check();
        assertThat(asValuesOnly).fails();
    }
}
