package dev.gradproof.properties.generators;

import dev.gradproof.autograd.Shape;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.arbitraries.ArbitraryDecorator;

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
        return Arbitraries.integers().between(minDim, maxDim)
                .shrinkTowards(Math.min(Math.max(1, minDim), maxDim))
                .withDistribution(RandomDistribution.biased())
                .list().ofMinSize(minRank).ofMaxSize(maxRank)
                .map(dims -> Shape.of(dims.stream().mapToInt(Integer::intValue).toArray()));
    }
}
