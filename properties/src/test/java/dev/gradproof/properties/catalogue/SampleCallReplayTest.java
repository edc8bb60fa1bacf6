package dev.gradproof.properties.catalogue;

import dev.gradproof.gradcheck.catalogue.OpCatalogue;
import dev.gradproof.gradcheck.catalogue.OpSample;
import dev.gradproof.gradcheck.catalogue.OpSpec;
import dev.gradproof.gradcheck.catalogue.SampleCall;
import dev.gradproof.gradcheck.function.Input;
import dev.gradproof.properties.core.AutogradCoreAdapter;
import dev.gradproof.properties.engine.DenseArray;
import dev.gradproof.properties.engine.OpCall;
import dev.gradproof.properties.engine.Ops;
import dev.gradproof.properties.graph.GraphSpec;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalogue's engine-neutral calls say what its autograd-core functions compute: each call,
 * replayed through autograd-core's kit adapter, gives the catalogue function's value bitwise; every
 * spec of an op of the kit's vocabulary describes every sample; only autograd-core's own ops and the
 * nn modules describe none.
 */
class SampleCallReplayTest {

    private static final Set<String> AUTOGRAD_CORE_ONLY = Set.of("sumToShape", "permute", "nn.Linear", "nn.Network");

    @Test
    void everyCallReplayedThroughTheKitGivesTheCataloguesValueBitwise() {
        AutogradCoreAdapter core = new AutogradCoreAdapter();
        int replayed = 0;
        for (long seed : new long[] {42, 7}) {
            for (OpSpec spec : OpCatalogue.specs()) {
                for (OpSample sample : spec.samples(seed)) {
                    if (AUTOGRAD_CORE_ONLY.contains(spec.name())) {
                        assertThat(sample.call()).as(sample.label()).isEmpty();
                        continue;
                    }
                    SampleCall call = sample.call().orElseThrow(() -> new AssertionError("no call: " + sample.label()));
                    assertThat(Ops.ALL).as(sample.label()).contains(call.op());
                    String base = spec.name().replaceAll("\\((slope|alpha)\\)$", "");
                    assertThat(call.op()).as(sample.label()).isEqualTo(base);
                    List<Input> inputs = sample.inputs();
                    GraphSpec.Builder b = GraphSpec.builder();
                    List<Integer> leaves = new ArrayList<>();
                    for (Input in : inputs) {
                        leaves.add(b.leaf(in.name(), dev.gradproof.autograd.Tensor.of(in.values(), in.shape())));
                    }
                    int rank = inputs.get(call.operands()[0]).shape().length;
                    OpCall opCall = new OpCall(call.op(), call.scalar(), call.axis() < 0 ? call.axis() + rank : call.axis(),
                            call.keepDims(), call.ints());
                    int[] args = Arrays.stream(call.operands()).map(leaves::get).toArray();
                    DenseArray replay = b.build(b.apply(opCall, args)).evaluate(core).outputValue();
                    double[][] point = inputs.stream().map(Input::values).toArray(double[][]::new);
                    boolean[] wrt = new boolean[point.length];
                    Arrays.fill(wrt, true);
                    var expected = sample.function().evaluate(point, wrt);
                    assertThat(replay.shape()).as(sample.label()).isEqualTo(expected.outputShape());
                    for (int i = 0; i < expected.output().length; i++) {
                        assertThat(Double.doubleToLongBits(replay.get(i))).as(sample.label() + " element " + i)
                                .isEqualTo(Double.doubleToLongBits(expected.output()[i]));
                    }
                    replayed++;
                }
            }
        }
        assertThat(replayed).isGreaterThan(900);
    }
}
