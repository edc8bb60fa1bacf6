package dev.gradproof.properties.generators;

import dev.gradproof.autograd.Shape;
import dev.gradproof.autograd.Tensor;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.arbitraries.ArbitraryDecorator;

import java.util.List;

/**
 * Tensors: a shape from a {@link ShapeArbitrary} and values in a range, by default
 * {@code [-3, 3]} with three decimals.
 *
 * <p>The elements are drawn from a pool of up to {@value #MAX_POOL} values, repeated in row-major
 * order when the tensor is larger. The pool and the shape are generated independently
 * ({@code Combinators.combine}, no flatMap), so a counterexample shrinks both: fewer and smaller
 * dimensions, fewer distinct values, values closer to zero (or to the margin, see
 * {@link #awayFromKinks(double)}).
 */
public final class TensorArbitrary extends ArbitraryDecorator<Tensor> {

    /** The most distinct values a generated tensor holds. */
    public static final int MAX_POOL = 32;

    private ShapeArbitrary shapeConfig = new ShapeArbitrary();
    private Arbitrary<Shape> shapes;
    private double min = -3;
    private double max = 3;
    private double margin = 0;

    TensorArbitrary() {
    }

    /** Tensors of shapes drawn from {@code shapes}. */
    public TensorArbitrary shapes(Arbitrary<Shape> shapes) {
        TensorArbitrary clone = typedClone();
        clone.shapes = shapes;
        return clone;
    }

    /** Tensors whose rank lies in {@code [min, max]} (replacing a shape arbitrary given before). */
    public TensorArbitrary rank(int min, int max) {
        TensorArbitrary clone = typedClone();
        clone.shapeConfig = shapeConfig.rank(min, max);
        clone.shapes = null;
        return clone;
    }

    /** Tensors of exactly this shape. */
    public TensorArbitrary ofShape(Shape shape) {
        return shapes(Arbitraries.just(shape));
    }

    /**
     * Values in {@code [min, max]}.
     *
     * @throws IllegalArgumentException unless {@code min <= max}, both finite
     */
    public TensorArbitrary values(double min, double max) {
        if (!(min <= max) || Double.isInfinite(min) || Double.isInfinite(max)) {
            throw new IllegalArgumentException("values: need finite min <= max, got " + min + ", " + max);
        }
        TensorArbitrary clone = typedClone();
        clone.min = min;
        clone.max = max;
        return clone;
    }

    /**
     * Values at least {@code margin} away from 0, where ReLU, Leaky ReLU, ELU and abs have their
     * kinks: by construction, not by filtering (a value u of the range is moved to
     * {@code sign(u) (margin + |u| (1 - margin/|end|))}, so the range keeps its ends).
     *
     * @throws IllegalArgumentException unless the margin is positive; generation fails unless the
     *     value range reaches beyond the margin on both sides
     */
    public TensorArbitrary awayFromKinks(double margin) {
        if (!(margin > 0)) {
            throw new IllegalArgumentException("awayFromKinks: margin " + margin + " must be positive");
        }
        TensorArbitrary clone = typedClone();
        clone.margin = margin;
        return clone;
    }

    @Override
    protected Arbitrary<Tensor> arbitrary() {
        double lo = min;
        double hi = max;
        double m = margin;
        if (m > 0 && !(lo < -m && hi > m)) {
            throw new IllegalArgumentException("awayFromKinks: margin " + m
                    + " must lie inside the value range [" + lo + ", " + hi + "] on both sides of 0");
        }
        Arbitrary<Double> values = Arbitraries.doubles().between(lo, hi).ofScale(3)
                .shrinkTowards(Math.min(Math.max(0, lo), hi))
                .map(u -> m == 0 ? u : awayFromZero(u, m, lo, hi));
        return Combinators.combine(shapes != null ? shapes : shapeConfig, values.list().ofMinSize(1).ofMaxSize(MAX_POOL))
                .as(TensorArbitrary::fill);
    }

    private static double awayFromZero(double u, double margin, double lo, double hi) {
        return u >= 0 ? margin + u * (hi - margin) / hi : -margin + u * (lo + margin) / lo;
    }

    /** A tensor of the shape whose elements repeat {@code pool} in row-major order. */
    public static Tensor fill(Shape shape, List<Double> pool) {
        return fill(shape, pool, 0, 1.0);
    }

    /** As {@link #fill(Shape, List)}, starting at element {@code start} of the pool, every value times {@code scale}. */
    static Tensor fill(Shape shape, List<Double> pool, int start, double scale) {
        double[] data = new double[shape.size()];
        for (int j = 0; j < data.length; j++) {
            data[j] = scale * pool.get((start + j) % pool.size());
        }
        return Tensor.of(data, shape);
    }
}
