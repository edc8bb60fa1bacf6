package dev.gradproof.properties.kit;

import dev.gradproof.autograd.Shape;
import dev.gradproof.autograd.Tensor;
import dev.gradproof.properties.generators.BroadcastShapes;
import dev.gradproof.properties.engine.Capabilities;
import dev.gradproof.properties.generators.GradArbitraries;
import dev.gradproof.properties.generators.ShapeArbitrary;
import dev.gradproof.properties.generators.TensorArbitrary;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.util.List;

/**
 * The small, hand-shaped cases of the gate-pattern and layer invariants, generated with
 * {@code Combinators.combine} from shapes and pools of values, so that they shrink like the graphs.
 */
final class KitCases {

    /** The least distance between the two inputs of a max gate, so that the winner is clear. */
    static final double MAX_GATE_MARGIN = 0.1;

    private KitCases() {
    }

    /** Two gate inputs and the upstream gradient of the gate's output. */
    record GateCase(Tensor a, Tensor b, Tensor upstream) {
        @Override
        public String toString() {
            return "a " + a.shape() + " = " + a + ", b " + b.shape() + " = " + b + ", upstream " + upstream;
        }
    }

    /** A linear layer {@code z = x w + b} and the upstream gradient of {@code z}. */
    record LayerCase(Tensor x, Tensor w, Tensor b, Tensor upstream) {
        @Override
        public String toString() {
            return "x " + x.shape() + " = " + x + ", w " + w.shape() + " = " + w + ", b = " + b + ", upstream " + upstream;
        }
    }

    /** Values in [-3, 3] with three decimals, shrinking towards 0. */
    static Arbitrary<List<Double>> pool() {
        return Arbitraries.doubles().between(-3, 3).ofScale(3).list().ofMinSize(1).ofMaxSize(16);
    }

    /** Shapes of rank 0 to 3 within the declared rank, empty dimensions only if declared. */
    static ShapeArbitrary shapes(Capabilities declared) {
        ShapeArbitrary shapes = GradArbitraries.shapes().rank(0, Math.min(3, declared.maxRank()));
        return declared.zeroSizeDims() ? shapes : shapes.nonEmpty();
    }

    /** Tensors of {@link #shapes} with values in [-3, 3]. */
    static Arbitrary<Tensor> tensors(Capabilities declared) {
        return Combinators.combine(shapes(declared), pool()).as(TensorArbitrary::fill);
    }

    /** Inputs of shapes that broadcast together under the declared rule (rank up to 3). */
    static Arbitrary<GateCase> broadcastGates(Capabilities declared) {
        Arbitrary<BroadcastShapes> shapes = GradArbitraries.broadcastGroups(shapes(declared), 2, declared.broadcasting());
        return Combinators.combine(shapes, pool(), pool(), pool()).as((s, pa, pb, pg) -> new GateCase(
                TensorArbitrary.fill(s.get(0), pa), TensorArbitrary.fill(s.get(1), pb), TensorArbitrary.fill(s.result(), pg)));
    }

    /** Inputs of one shape, {@code b} at least {@link #MAX_GATE_MARGIN} above or below {@code a} everywhere. */
    static Arbitrary<GateCase> separatedGates(Capabilities declared) {
        Arbitrary<Double> gap = Arbitraries.doubles().between(-2, 2).ofScale(3)
                .map(u -> u >= 0 ? MAX_GATE_MARGIN + u : -MAX_GATE_MARGIN + u);
        return Combinators.combine(shapes(declared), pool(), gap.list().ofMinSize(1).ofMaxSize(16), pool())
                .as((shape, pa, gaps, pg) -> {
                    Tensor a = TensorArbitrary.fill(shape, pa);
                    Tensor d = TensorArbitrary.fill(shape, gaps);
                    return new GateCase(a, a.plus(d), TensorArbitrary.fill(shape, pg));
                });
    }

    /** Three tensors of one shape: {@code a} as the copied input, {@code b} and {@code upstream} as two weights. */
    static Arbitrary<GateCase> sameShapeTriples(Capabilities declared) {
        return Combinators.combine(shapes(declared), pool(), pool(), pool())
                .as((shape, pa, pb, pg) -> new GateCase(TensorArbitrary.fill(shape, pa), TensorArbitrary.fill(shape, pb),
                        TensorArbitrary.fill(shape, pg)));
    }

    /** Layers with batch 1..4 and dimensions 1..6. */
    static Arbitrary<LayerCase> layers() {
        Arbitrary<List<Integer>> dims = Arbitraries.integers().between(1, 6).shrinkTowards(1).list().ofSize(3);
        return Combinators.combine(dims, pool().list().ofSize(4)).as((d, pools) -> {
            int n = Math.min(d.get(0), 4);
            return new LayerCase(TensorArbitrary.fill(Shape.of(n, d.get(1)), pools.get(0)),
                    TensorArbitrary.fill(Shape.of(d.get(1), d.get(2)), pools.get(1)),
                    TensorArbitrary.fill(Shape.of(d.get(2)), pools.get(2)),
                    TensorArbitrary.fill(Shape.of(n, d.get(2)), pools.get(3)));
        });
    }
}
