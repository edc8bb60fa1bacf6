package dev.gradproof.properties.generators;

import dev.gradproof.autograd.Shape;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;
import net.jqwik.api.arbitraries.ArbitraryDecorator;

import java.util.ArrayList;
import java.util.List;

/**
 * Tensor shapes: rank 0 to 4 and dimensions 0 to 6 by default, biased to small dimensions and
 * shrinking towards fewer axes of size 1.
 */
public final class ShapeArbitrary extends ArbitraryDecorator<Shape> {

    private int minRank = 0;
    private int maxRank = 4;
    private int minDim = 0;
    private int maxDim = 6;

    ShapeArbitrary() {
    }

    /** Shapes whose rank lies in {@code [min, max]}. */
    public ShapeArbitrary rank(int min, int max) {
        if (min < 0 || max < min) {
            throw new IllegalArgumentException("rank: need 0 <= min <= max, got " + min + ", " + max);
        }
        ShapeArbitrary clone = typedClone();
        clone.minRank = min;
        clone.maxRank = max;
        return clone;
    }

    /** Shapes whose every dimension lies in {@code [min, max]}. */
    public ShapeArbitrary dims(int min, int max) {
        if (min < 0 || max < min) {
            throw new IllegalArgumentException("dims: need 0 <= min <= max, got " + min + ", " + max);
        }
        ShapeArbitrary clone = typedClone();
        clone.minDim = min;
        clone.maxDim = max;
        return clone;
    }

    /** Shapes without empty dimensions (every dimension at least 1). */
    public ShapeArbitrary nonEmpty() {
        return dims(Math.max(1, minDim), Math.max(1, maxDim));
    }

    @Override
    protected Arbitrary<Shape> arbitrary() {
        return dimensions().list().ofMinSize(minRank).ofMaxSize(maxRank)
                .map(dims -> Shape.of(dims.stream().mapToInt(Integer::intValue).toArray()));
    }

    /**
     * Dimensions weighted towards small sizes (weight 8 for 1, then 6, 4, 3, 2, 1 for 2 to 6 and
     * beyond, 2 for an empty 0), listed so that shrinking goes to 1 first.
     */
    private Arbitrary<Integer> dimensions() {
        List<Tuple.Tuple2<Integer, Integer>> weighted = new ArrayList<>();
        int first = Math.min(Math.max(1, minDim), maxDim);
        weighted.add(Tuple.of(weight(first), first));
        for (int d = minDim; d <= maxDim; d++) {
            if (d != first) {
                weighted.add(Tuple.of(weight(d), d));
            }
        }
        @SuppressWarnings("unchecked")
        Tuple.Tuple2<Integer, Integer>[] choices = weighted.toArray(new Tuple.Tuple2[0]);
        return Arbitraries.frequency(choices);
    }

    private static int weight(int dim) {
        return switch (dim) {
            case 0 -> 2;
            case 1 -> 8;
            case 2 -> 6;
            case 3 -> 4;
            case 4 -> 3;
            case 5 -> 2;
            default -> 1;
        };
    }
}
