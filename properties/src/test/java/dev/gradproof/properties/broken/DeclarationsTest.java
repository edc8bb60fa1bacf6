package dev.gradproof.properties.broken;

import dev.gradproof.autograd.Variable;
import dev.gradproof.gradcheck.model.TestContext;
import dev.gradproof.properties.engine.Capabilities;
import dev.gradproof.properties.engine.KnownFault;
import dev.gradproof.properties.engine.OpCall;
import dev.gradproof.properties.engine.Ops;
import dev.gradproof.properties.kit.AutogradContract;
import dev.gradproof.properties.kit.KitRun;
import net.jqwik.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kit keeps to what an engine declares, skips what it cannot run with the reason, tells a crash
 * from a wrong gradient, and tests around known faults. Each engine is autograd-core behind a
 * {@link StrictEngine} that throws on any input outside its declaration.
 */
class DeclarationsTest {

    private static final BiPredicate<OpCall, List<int[]>> NEVER = (call, shapes) -> false;
    /** A matmul whose inner dimension is 1, such as [1, 1] @ [1, 1]. */
    private static final BiPredicate<OpCall, List<int[]>> INNER_ONE = (call, shapes) ->
            call.op().equals(Ops.MATMUL) && shapes.get(0)[1] == 1;
    private static final Set<String> MATRIX_OPS = Set.of(Ops.ADD, Ops.SUB, Ops.MUL, Ops.NEG, Ops.TANH, Ops.RELU,
            Ops.LEAKY_RELU, Ops.EXP, Ops.SQUARE, Ops.ADD_CONSTANT, Ops.MUL_CONSTANT, Ops.SUM, Ops.SUM_AXIS, Ops.MATMUL,
            Ops.TRANSPOSE, Ops.RESHAPE);

    /** The contract of a strict engine, with deep graphs of 2,000 levels (the rule itself is tested elsewhere). */
    abstract static class StrictContract extends AutogradContract<Variable> {
        @Override
        protected abstract StrictEngine engine();

        @Override
        protected int deepGraphDepth() {
            return 2_000;
        }
    }

    /** A 2-D engine: rank 2, no broadcasting, no empty dimensions, Leaky ReLU 0.1 only, float parameters, seeds only ones, resets. */
    static class TwoDimensional extends StrictContract {
        @Override
        protected StrictEngine engine() {
            return new StrictEngine("strict 2-D", MATRIX_OPS, Capabilities.numpyStyle().withMaxRank(2)
                    .withBroadcasting(Capabilities.Broadcasting.NONE).withoutZeroSizeDims()
                    .withParameterDomain(Ops.LEAKY_RELU, 0.1).withParameterPrecision(Capabilities.Precision.FLOAT32)
                    .withoutUpstream().withRepeatedBackward(Capabilities.RepeatedBackward.RESET),
                    NEVER, NEVER, List.of());
        }
    }

    /** Same rank broadcasting only, rank 3. */
    static class SameRank extends StrictContract {
        @Override
        protected StrictEngine engine() {
            return new StrictEngine("strict same-rank", MATRIX_OPS, Capabilities.numpyStyle().withMaxRank(3)
                    .withBroadcasting(Capabilities.Broadcasting.SAME_RANK), NEVER, NEVER, List.of());
        }
    }

    /** Crashes on matmul with inner dimension 1, and declares it as a known fault. */
    @Tag(TestContext.EXPECTED_FAILURE_TAG)
    static class KnownCrash extends StrictContract {
        @Override
        protected StrictEngine engine() {
            return new StrictEngine("known crash", MATRIX_OPS, Capabilities.numpyStyle(), NEVER, INNER_ONE,
                    List.of(new KnownFault(Ops.MATMUL, "issue 7: crashes when the inner dimension is 1", INNER_ONE)));
        }
    }

    /** The same crash, undeclared. */
    @Tag(TestContext.EXPECTED_FAILURE_TAG)
    static class UnknownCrash extends StrictContract {
        @Override
        protected StrictEngine engine() {
            return new StrictEngine("unknown crash", MATRIX_OPS, Capabilities.numpyStyle(), NEVER, INNER_ONE, List.of());
        }
    }

    /** Declines every mul. */
    @Tag(TestContext.EXPECTED_FAILURE_TAG)
    static class DeclinesMul extends StrictContract {
        @Override
        protected StrictEngine engine() {
            return new StrictEngine("declines mul", MATRIX_OPS, Capabilities.numpyStyle(),
                    (call, shapes) -> call.op().equals(Ops.MUL), NEVER, List.of());
        }
    }

    @Test
    void aTwoDimensionalEngineGetsOnlyWhatItDeclares() {
        KitRun run = KitRun.of(TwoDimensional.class);
        assertThat(run.failures()).as("failures (the strict engine throws on anything undeclared)").isEmpty();
        assertThat(run.aborted()).as("not verified").isEmpty();
        assertThat(run.passed()).contains("repeatedBackwardAccumulatesAndZeroGradResets", "backwardIsLinearInTheUpstream",
                "addGateDistributesTheUpstream", "forwardValuesMatchTheReference", "deepChainsAndDiamondsBackpropagate",
                "everyDeclaredOpOccursInTheGeneratedGraphs");
        assertThat(run.skipped()).as("skipped, each naming its rule and reason")
                .containsKeys("scalingTheInputScalesTheWeightGradient", "hessianVectorProductsMatchFiniteDifferences")
                .allSatisfy((property, reason) -> assertThat(reason).matches("KIT-\\d{3} not supported: strict 2-D does not declare .*"));
        assertThat(run.skipped().get("scalingTheInputScalesTheWeightGradient")).contains("numpy broadcasting");
    }

    @Test
    void aSameRankEngineGetsNoRankChangingBroadcasts() {
        KitRun run = KitRun.of(SameRank.class);
        assertThat(run.failures()).as("failures (the strict engine throws on anything undeclared)").isEmpty();
        assertThat(run.aborted()).isEmpty();
    }

    @Test
    void aKnownFaultIsTestedAroundAndReportedAsKnown() {
        KitRun run = KitRun.of(KnownCrash.class);
        assertThat(run.failures()).as("failures with the crash declared").isEmpty();
        assertThat(run.reports().values()).as("jqwik reports").anySatisfy(report -> assertThat(report)
                .contains("tries not run, known fault: ").contains("(matmul: issue 7: crashes when the inner dimension is 1)"));
    }

    @Test
    void anUndeclaredCrashIsReportedAsTheEngineThrewNotAsAWrongGradient() {
        KitRun run = KitRun.of(UnknownCrash.class);
        assertThat(run.failures()).as("properties whose graphs meet the crash").isNotEmpty()
                .allSatisfy((property, message) -> assertThat(message).matches("(?s)KIT-\\d{3} .*")
                        .contains("the engine threw: unknown crash threw ArithmeticException")
                        .doesNotContain("wrong result"));
    }

    @Test
    void aPropertyWhoseEveryTryIsDeclinedIsNotVerifiedWithTheReason() {
        KitRun run = KitRun.of(DeclinesMul.class);
        assertThat(run.failures()).as("failures of an engine that declines mul").isEmpty();
        assertThat(run.aborted()).containsKeys("mulGateSwapsItsInputs", "copyGateAddsTheBranchUpstreams");
        assertThat(run.aborted().get("mulGateSwapsItsInputs")).startsWith("not verified: KIT-302 ")
                .contains("0 tries ran").contains("tries declined by the engine: ").contains("(mul of ");
    }
}
