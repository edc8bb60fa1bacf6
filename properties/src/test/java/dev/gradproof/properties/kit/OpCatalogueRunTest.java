package dev.gradproof.properties.kit;

import dev.gradproof.autograd.Variable;
import dev.gradproof.gradcheck.catalogue.OpCatalogue;
import dev.gradproof.gradcheck.catalogue.OpSample;
import dev.gradproof.gradcheck.catalogue.OpSpec;
import dev.gradproof.gradcheck.model.Mode;
import dev.gradproof.gradcheck.model.TestContext;
import dev.gradproof.properties.engine.AutogradAdapter;
import dev.gradproof.properties.engine.Capabilities;
import dev.gradproof.properties.engine.DenseArray;
import dev.gradproof.properties.engine.KnownFault;
import dev.gradproof.properties.engine.OpCall;
import dev.gradproof.properties.engine.Ops;
import dev.gradproof.properties.kit.SampleOutcome.Status;
import dev.gradproof.properties.recording.PropertyRun;
import dev.gradproof.properties.recording.RecordingFolder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalogue run finds a wrong backward, honours declared faults and declarations, and serializes calls. */
class OpCatalogueRunTest {

    private static final long SEED = 42;

    private static <V> OpCatalogueRun<V> run(AutogradAdapter<V> engine, String... specs) {
        OpCatalogueRun<V> run = new OpCatalogueRun<>(engine, SEED, Mode.FULL, OpCatalogueRunTest.class);
        for (String name : specs) {
            OpSpec spec = OpCatalogue.spec(name).orElseThrow();
            for (OpSample sample : spec.samples(SEED)) {
                run.run(spec, sample);
            }
        }
        return run;
    }

    private static CoreEngine wrongTanh(List<KnownFault> faults) {
        return new CoreEngine(Capabilities.numpyStyle(), faults, Ops.TANH, CoreEngine::tanhWithWrongBackward);
    }

    @Test
    @Tag(TestContext.EXPECTED_FAILURE_TAG) // its checks fail on purpose: the report counts them apart
    void aWrongBackwardIsFoundWithTheOpTheSampleAndTheReplayLine() {
        OpCatalogueRun<Variable> run = run(wrongTanh(List.of()), "tanh", "sigmoid");
        assertThat(run.failures()).isNotEmpty().allSatisfy(f -> {
            assertThat(f.spec()).isEqualTo("tanh");
            assertThat(f.detail()).startsWith("tanh: sample \"" + f.label() + "\"")
                    .contains("GRADCHECK FAILED").contains("replay: run " + OpCatalogueRunTest.class.getName())
                    .contains("-Dgradproof.seed=42");
        });
        // every tanh sample but the zero-size one, which has no element to compare
        assertThat(run.failures()).extracting(SampleOutcome::label).hasSize(7).contains("tanh [3, 4] matrix")
                .doesNotContain("tanh [0, 3] zero-size");
        assertThat(run.withStatus(Status.PASSED)).extracting(SampleOutcome::spec).contains("sigmoid");
        assertThat(run.failures()).noneMatch(f -> f.spec().equals("sigmoid"));
    }

    @Test
    void eachSpecIsRecordedAsOnePropertyRunAndASpecWithNothingSupportedIsSkipped(@TempDir Path results)
            throws IOException {
        try (RecordingFolder recording = new RecordingFolder(results)) {
            // permute has no call in the kit's vocabulary: every sample is not supported
            run(CoreEngine.asIs(Capabilities.numpyStyle()), "permute", "sigmoid").record();
            Map<String, PropertyRun> runs = recording.propertyRuns().stream()
                    .collect(Collectors.toMap(PropertyRun::property, r -> r));
            assertThat(runs).containsOnlyKeys("opCatalogue[permute]", "opCatalogue[sigmoid]");
            assertThat(runs.get("opCatalogue[permute]").status()).isEqualTo("SKIPPED");
            assertThat(runs.get("opCatalogue[permute]").checks()).isZero();
            assertThat(runs.get("opCatalogue[permute]").failure()).startsWith("not supported by ");
            assertThat(runs.get("opCatalogue[sigmoid]").status()).isEqualTo("SUCCESSFUL");
            assertThat(runs.get("opCatalogue[sigmoid]").checks()).isPositive();
        }
    }

    @Test
    void aDeclaredFaultTurnsItsFailuresIntoExpectedFailures() {
        OpCatalogueRun<Variable> run = run(wrongTanh(List.of(KnownFault.always(Ops.TANH, "issue 1: slope 1.5 too large"))),
                "tanh");
        assertThat(run.failures()).isEmpty();
        assertThat(run.withStatus(Status.EXPECTED_FAILURE)).isNotEmpty()
                .allSatisfy(o -> assertThat(o.detail()).startsWith("declared fault tanh: issue 1"));
        assertThat(run.knownFaultsThatNoLongerFail()).isEmpty();
        assertThat(run.summary()).contains("known fault tanh: issue 1: slope 1.5 too large: met by 8 samples, 7 failed");
        assertThat(run.withStatus(Status.PASSED)).extracting(SampleOutcome::label).containsExactly("tanh [0, 3] zero-size");
    }

    @Test
    void aDeclaredFaultThatNoLongerFailsIsAFailureOfItsOwn() {
        CoreEngine correct = new CoreEngine(Capabilities.numpyStyle(),
                List.of(KnownFault.always(Ops.SIGMOID, "issue 2, fixed since")), null, null);
        OpCatalogueRun<Variable> run = run(correct, "sigmoid");
        assertThat(run.withStatus(Status.EXPECTED_FAILURE)).isEmpty();
        assertThat(run.knownFaultsThatNoLongerFail()).singleElement().asString()
                .startsWith("known fault no longer fails: sigmoid: issue 2, fixed since (met by 8 samples");
    }

    @Test
    void samplesOutsideTheDeclarationAreNotSupportedWithTheReasonNeverPassed() {
        Capabilities narrow = Capabilities.numpyStyle().withMaxRank(2).withoutZeroSizeDims()
                .withBroadcasting(Capabilities.Broadcasting.NONE).withParameterDomain(Ops.LEAKY_RELU, 0.01);
        OpCatalogueRun<Variable> run = run(CoreEngine.asIs(narrow), "add", "leakyRelu(slope)", "nn.Linear", "permute");
        assertThat(run.failures()).isEmpty();
        assertThat(run.withStatus(Status.NOT_SUPPORTED)).extracting(SampleOutcome::label, SampleOutcome::detail)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("add [2, 2, 3] & [2, 2, 3] rank 3",
                                "rank 3 [2, 2, 3] above the declared maxRank 2"),
                        org.assertj.core.groups.Tuple.tuple("add [] & [3, 4] scalar with matrix",
                                "broadcasting [] with [3, 4] (declared broadcasting NONE)"),
                        org.assertj.core.groups.Tuple.tuple("add [0, 3] & [3] zero-size with row",
                                "zero-size dimension [0, 3] (declared withoutZeroSizeDims)"),
                        org.assertj.core.groups.Tuple.tuple("leakyRelu(slope) [3, 4] matrix, slope = -0.5",
                                "leakyRelu with parameter -0.5 outside the declared domain [0.01]"));
        assertThat(run.withStatus(Status.NOT_SUPPORTED)).filteredOn(o -> o.spec().startsWith("nn.") || o.spec().equals("permute"))
                .hasSize(OpCatalogue.spec("nn.Linear").orElseThrow().samples(SEED).size()
                        + OpCatalogue.spec("permute").orElseThrow().samples(SEED).size())
                .allSatisfy(o -> assertThat(o.detail()).contains("no call in the contract kit's vocabulary"));
        assertThat(run.withStatus(Status.PASSED)).extracting(SampleOutcome::label).contains("add [3, 4] & [3, 4] matrices");
    }

    /**
     * An engine whose ELU and GELU round more than autograd-core's (PyTorch's formulas, each with a
     * right gradient) is not failed: gradcheck's rounding scale takes in the engine's forward error
     * measured against the catalogue's values. Seed 2 failed DJL's ELU before (tiny x, alpha 2:
     * |a - n| 5.2e-8 against a tolerance of 4.7e-9).
     */
    @Test
    void roundingOfAnotherFormulaIsNotTakenForAWrongGradient() {
        for (long seed : new long[] {2, 42}) {
            for (var engine : List.of(new CoreEngine(Capabilities.numpyStyle(), List.of(), Ops.ELU, CoreEngine::eluWithoutExpm1),
                    new CoreEngine(Capabilities.numpyStyle(), List.of(), Ops.GELU, CoreEngine::geluThroughAHalf))) {
                OpCatalogueRun<Variable> run = new OpCatalogueRun<>(engine, seed, Mode.FULL, OpCatalogueRunTest.class);
                for (String name : List.of("elu", "elu(alpha)", "gelu")) {
                    OpSpec spec = OpCatalogue.spec(name).orElseThrow();
                    spec.samples(seed).forEach(sample -> run.run(spec, sample));
                }
                assertThat(run.failures()).as(engine.name() + ", seed " + seed).isEmpty();
                assertThat(run.withStatus(Status.PASSED)).hasSizeGreaterThan(30);
            }
        }
    }

    /** An engine that holds its slope as a float is compared with that slope once it declares it, and fails otherwise. */
    @Test
    void anEngineOfFloatParametersIsComparedWithTheParameterItHolds() {
        BiFunction<OpCall, Variable, Variable> floatSlope = (call, x) -> x.leakyRelu((float) call.scalar());
        OpCatalogueRun<Variable> declared = run(new CoreEngine(Capabilities.numpyStyle()
                .withParameterPrecision(Capabilities.Precision.FLOAT32), List.of(), Ops.LEAKY_RELU, floatSlope), "leakyRelu(slope)");
        assertThat(declared.failures()).isEmpty();
        assertThat(declared.withStatus(Status.PASSED)).hasSize(OpCatalogue.spec("leakyRelu(slope)").orElseThrow()
                .samples(SEED).size());
        OpCatalogueRun<Variable> undeclared = run(new CoreEngine(Capabilities.numpyStyle(), List.of(), Ops.LEAKY_RELU,
                floatSlope), "leakyRelu(slope)");
        assertThat(undeclared.failures()).isNotEmpty().allSatisfy(f -> assertThat(f.label()).contains("slope = 0.2"))
                .allSatisfy(f -> assertThat(f.detail()).contains("forward value matches the op catalogue's"));
    }

    /** autograd-core that throws if two calls overlap: it declares one call at a time. */
    static final class OneAtATime extends CoreEngine {
        private final AtomicInteger inside = new AtomicInteger();
        private final AtomicInteger calls = new AtomicInteger();

        OneAtATime() {
            super(Capabilities.numpyStyle().withSerializedCalls(), List.of(), null, null);
        }

        private void enter() {
            calls.incrementAndGet();
            if (inside.incrementAndGet() != 1) {
                inside.decrementAndGet();
                throw new IllegalStateException("two calls at once");
            }
        }

        @Override
        public Variable leaf(String name, DenseArray value) {
            enter();
            try {
                return super.leaf(name, value);
            } finally {
                inside.decrementAndGet();
            }
        }

        @Override
        public void backward(Variable output, DenseArray upstream) {
            enter();
            try {
                super.backward(output, upstream);
            } finally {
                inside.decrementAndGet();
            }
        }

        @Override
        public Variable apply(OpCall call, List<Variable> inputs) {
            enter();
            try {
                // long enough that a second worker would overlap
                Thread.onSpinWait();
                return super.apply(call, inputs);
            } finally {
                inside.decrementAndGet();
            }
        }
    }

    @Test
    void anEngineOfOneCallAtATimeIsNeverCalledTwiceAtOnce() {
        OneAtATime engine = new OneAtATime();
        OpCatalogueRun<Variable> run = run(engine, "matmul", "softmax");
        assertThat(run.failures()).isEmpty();
        assertThat(run.withStatus(Status.PASSED)).hasSizeGreaterThan(10);
        assertThat(engine.calls.get()).isGreaterThan(1000);
    }
}
