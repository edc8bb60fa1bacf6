package dev.gradproof.properties.generators;

import dev.gradproof.autograd.Shape;
import dev.gradproof.properties.engine.Capabilities;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Arbitraries of related shapes: broadcast-compatible groups and matmul-compatible chains. */
final class Shapes {

    /** Masks 0..63 cover every way of dropping leading axes and setting axes to 1 for rank up to 4. */
    static final int MASKS = 63;

    private Shapes() {
    }

    /**
     * A shape that broadcasts to {@code base}: the low two bits of {@code mask} say how many
     * leading axes to drop (modulo rank + 1), the following bits which remaining axes become 1.
     * Mask 0 is {@code base} itself, so shrinking the mask shrinks towards equal shapes.
     */
    static Shape broadcastable(Shape base, int mask) {
        int[] dims = base.dims();
        int drop = (mask & 3) % (dims.length + 1);
        int[] kept = new int[dims.length - drop];
        for (int j = 0; j < kept.length; j++) {
            kept[j] = ((mask >> (2 + j)) & 1) == 1 ? 1 : dims[drop + j];
        }
        return Shape.of(kept);
    }

    /** {@code count} shapes that broadcast together, derived from one base shape. */
    static Arbitrary<BroadcastShapes> broadcastGroups(ShapeArbitrary base, int count) {
        return broadcastGroups(base, count, Capabilities.Broadcasting.NUMPY);
    }

    /**
     * {@code count} shapes that broadcast together under {@code rule}: equal shapes for
     * {@code NONE}, shapes of one rank for {@code SAME_RANK}.
     */
    static Arbitrary<BroadcastShapes> broadcastGroups(ShapeArbitrary base, int count, Capabilities.Broadcasting rule) {
        return Combinators.combine(base, Arbitraries.integers().between(0, MASKS).list().ofSize(count))
                .as((shape, masks) -> new BroadcastShapes(masks.stream().map(m -> broadcastable(shape, within(m, rule))).toList()));
    }

    /** The part of a broadcast mask that {@code rule} allows: none, or no dropped leading axes. */
    static int within(int mask, Capabilities.Broadcasting rule) {
        return switch (rule) {
            case NONE -> 0;
            case SAME_RANK -> mask & ~3;
            case NUMPY -> mask;
        };
    }

    /** Chains of 1 to 4 matrices with dimensions from 1 to 6. */
    static Arbitrary<MatMulChain> matmulChains() {
        return Arbitraries.integers().between(1, 6).shrinkTowards(1)
                .list().ofMinSize(2).ofMaxSize(5).map(MatMulChain::new);
    }
}
