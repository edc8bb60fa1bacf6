package dev.gradproof.gradcheck.catalogue;

import dev.gradproof.gradcheck.GradCheck;
import dev.gradproof.gradcheck.function.Input;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The catalogue's contract: names, order, determinism, the tricky sample, and what the samples cover. */
class OpCatalogueTest {

    private static final long SEED = Long.getLong(GradCheck.SEED_PROPERTY, GradCheck.DEFAULT_SEED);

    /** The specs whose ops take any shape, elementwise or whole-tensor: they must be sampled in every rank. */
    private static final Set<String> ANY_RANK = Set.of("add", "addConstant", "sub", "mul", "mulConstant", "div", "neg",
            "reciprocal", "exp", "log", "pow", "square", "sqrt", "abs", "maximum", "minimum", "sigmoid", "tanh",
            "relu", "leakyRelu", "leakyRelu(slope)", "elu", "elu(alpha)", "normalCdf", "gelu", "silu", "sum", "mean",
            "sumSquaredError");

    /** The ops that cannot take an empty tensor, with the reason. */
    private static final Map<String, String> NO_ZERO_SIZE = Map.of(
            "mean", "the mean of no elements is undefined (autograd-core throws)",
            "softmaxCrossEntropy", "a batch of no examples is rejected, and a class index needs C >= 1",
            "svmHinge", "a batch of no examples is rejected, and a class index needs C >= 1",
            "softmaxCrossEntropy(sum)", "a batch of no examples is rejected, and a class index needs C >= 1",
            "svmHinge(sum)", "a batch of no examples is rejected, and a class index needs C >= 1",
            "sumSquaredError(mean)", "the mean of no elements is undefined (autograd-core throws)");

    /** The binary elementwise ops: they must be sampled in every broadcasting pair. */
    private static final Set<String> BROADCASTING = Set.of("add", "sub", "mul", "div", "maximum", "minimum");

    @Test
    void namesAreUniqueTheOrderIsStableAndSpecsAreFoundByName() {
        List<String> names = OpCatalogue.specs().stream().map(OpSpec::name).toList();
        assertThat(names).doesNotHaveDuplicates().startsWith("add", "addConstant").endsWith("nn.Linear", "nn.Network");
        assertThat(OpCatalogue.specs().stream().map(OpSpec::name).toList()).isEqualTo(names);
        for (OpSpec spec : OpCatalogue.specs()) {
            assertThat(OpCatalogue.spec(spec.name())).containsSame(spec);
        }
        assertThat(OpCatalogue.spec("no such op")).isEmpty();
        assertThat(names).contains("relu", "matmul", "softmaxCrossEntropy", "nn.Linear", "nn.Network");
    }

    @Test
    void everySpecDescribesItself() {
        for (OpSpec spec : OpCatalogue.specs()) {
            assertThat(spec.domain()).as(spec.name()).isNotBlank();
            assertThat(spec.arity()).as(spec.name()).isIn(OpSpec.VARIADIC, 1, 2, 3, 5);
            for (Kink kink : spec.kinks()) {
                assertThat(kink.toString()).as(spec.name() + " kink").isEqualTo(kink.op() + ": " + kink.where());
            }
            spec.toleranceOverrides().forEach(o -> assertThat(o.reason()).as(spec.name()).isNotBlank());
        }
        assertThat(OpCatalogue.spec("relu").orElseThrow().kinkOps()).containsExactly("relu");
        assertThat(OpCatalogue.spec("svmHinge").orElseThrow().kinkOps()).containsExactly("svmHinge/relu");
        assertThat(OpCatalogue.spec("sigmoid").orElseThrow().kinks()).isEmpty();
    }

    @Test
    void everySpecHasExactlyOneTrickySampleAndEveryLabelIsUnique() {
        Set<String> labels = new HashSet<>();
        for (OpSpec spec : OpCatalogue.specs()) {
            List<OpSample> samples = spec.samples(SEED);
            assertThat(samples).as(spec.name()).hasSizeGreaterThanOrEqualTo(7);
            assertThat(samples.stream().filter(OpSample::tricky).count()).as(spec.name() + " tricky samples").isOne();
            for (OpSample s : samples) {
                assertThat(s.label()).startsWith(spec.name() + " ");
                assertThat(labels.add(s.label())).as("unique label " + s.label()).isTrue();
            }
        }
    }

    @Test
    void samplesAreDeterministicForASeedAndDifferAcrossSeeds() {
        int differing = 0;
        for (OpSpec spec : OpCatalogue.specs()) {
            List<String> a = points(spec.samples(SEED));
            assertThat(points(spec.samples(SEED))).as(spec.name()).isEqualTo(a);
            if (!points(spec.samples(SEED + 1)).equals(a)) {
                differing++;
            }
        }
        assertThat(differing).as("specs whose points depend on the seed").isGreaterThan(OpCatalogue.specs().size() / 2);
    }

    private static List<String> points(List<OpSample> samples) {
        List<String> out = new ArrayList<>();
        for (OpSample s : samples) {
            StringBuilder b = new StringBuilder(s.label());
            for (Input in : s.inputs()) {
                b.append(' ').append(in.name()).append(Arrays.toString(in.shape())).append(Arrays.toString(in.values()));
            }
            out.add(b.toString());
        }
        return out;
    }

    @Test
    void everyBuilderIsFreshAndTaggedWithTheOp() {
        OpSample sample = OpCatalogue.spec("relu").orElseThrow().samples(SEED).get(0);
        GradCheck first = sample.gradCheck();
        assertThat(sample.gradCheck()).isNotSameAs(first);
        assertThat(first.inputs()).extracting(Input::name).containsExactly("x");
        var result = first.record(false).check();
        assertThat(result.op()).isEqualTo("relu");
        assertThat(result.label()).isEqualTo(sample.label());
        assertThat(result.seed()).isEqualTo(SEED);
        assertThat(sample.gradGradCheck().orElseThrow().record(false).check().op()).isEqualTo("relu");
    }

    @Test
    void opsOfAnyShapeAreSampledInEveryRankAndWithZeroSize() {
        for (OpSpec spec : OpCatalogue.specs()) {
            Set<Integer> ranks = new TreeSet<>();
            boolean zeroSize = false;
            for (OpSample s : spec.samples(SEED)) {
                for (Input in : s.inputs()) {
                    ranks.add(in.shape().length);
                    zeroSize |= in.size() == 0;
                }
            }
            if (ANY_RANK.contains(spec.name())) {
                assertThat(ranks).as(spec.name() + " ranks").contains(0, 1, 2, 3);
            }
            assertThat(zeroSize).as(spec.name() + " has a zero-size sample").isEqualTo(!NO_ZERO_SIZE.containsKey(spec.name()));
        }
    }

    @Test
    void binaryElementwiseOpsAreSampledInEveryBroadcastingPair() {
        List<String> pairs = List.of("[] & [3, 4]", "[3, 4] & []", "[4] & [3, 4]", "[3, 4] & [3, 1]", "[3, 1] & [4]");
        for (String name : BROADCASTING) {
            List<String> shapes = OpCatalogue.spec(name).orElseThrow().samples(SEED).stream()
                    .map(s -> s.inputs().stream().map(Input::shapeText).reduce((a, b) -> a + " & " + b).orElse(""))
                    .toList();
            assertThat(shapes).as(name).containsAll(pairs);
        }
    }

    @Test
    void kinkedOpsAreSampledAtTheirKinkExactly() {
        for (String name : List.of("relu", "leakyRelu", "leakyRelu(slope)", "elu(alpha)", "abs")) {
            boolean atZero = OpCatalogue.spec(name).orElseThrow().samples(SEED).stream()
                    .flatMap(s -> s.inputs().stream()).flatMapToDouble(in -> Arrays.stream(in.values()))
                    .anyMatch(v -> v == 0);
            assertThat(atZero).as(name + " sampled at 0").isTrue();
        }
        for (String name : List.of("maximum", "minimum")) {
            // every element tied but the last, so that the check compares something
            boolean tie = OpCatalogue.spec(name).orElseThrow().samples(SEED).stream()
                    .filter(s -> s.inputs().size() == 2)
                    .anyMatch(s -> {
                        double[] a = s.inputs().get(0).values();
                        double[] b = s.inputs().get(1).values();
                        return a.length > 1 && Arrays.equals(a, 0, a.length - 1, b, 0, b.length - 1);
                    });
            assertThat(tie).as(name + " sampled at exact ties").isTrue();
        }
    }

    @Test
    void fixedAritySpecsTakeThatManyTensors() {
        for (OpSpec spec : OpCatalogue.specs()) {
            if (spec.arity() == OpSpec.VARIADIC) {
                continue;
            }
            boolean exact = false;
            for (OpSample s : spec.samples(SEED)) {
                long tensors = s.inputs().stream().filter(in -> !s.dataInputs().contains(in.name())).count();
                assertThat(tensors).as(s.label()).isLessThanOrEqualTo(spec.arity());
                exact |= tensors == spec.arity();
            }
            assertThat(exact).as(spec.name() + " has a sample with all " + spec.arity() + " arguments").isTrue();
        }
    }

    @Test
    void aToleranceOverrideNeedsAReason() {
        assertThatThrownBy(() -> new ToleranceOverride(ToleranceOverride.Setting.EPS, 1e-4, " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("EPS").hasMessageContaining("reason");
        ToleranceOverride o = new ToleranceOverride(ToleranceOverride.Setting.SAFETY_FACTOR, 20, "a measured reason");
        var result = o.applyTo(GradCheck.of(v -> v.get(0).tanh().sum()).input("x", 0.5).record(false)).check();
        assertThat(result.tolerances().safetyFactor()).isEqualTo(20);
    }

    @Test
    void dataInputsKeepTheOrderOfTheInputsSoTheReplayLineIsTheSameInEveryRun() {
        for (OpSpec spec : OpCatalogue.specs()) {
            for (OpSample sample : spec.samples(42)) {
                java.util.List<String> inOrder = sample.inputs().stream().map(dev.gradproof.gradcheck.function.Input::name)
                        .filter(sample.dataInputs()::contains).toList();
                assertThat(java.util.List.copyOf(sample.dataInputs())).as(sample.label()).isEqualTo(inOrder);
            }
        }
    }
}
