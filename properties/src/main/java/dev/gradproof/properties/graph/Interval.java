package dev.gradproof.properties.graph;


/**
 * A conservative range {@code [lo, hi]} containing every element of a node's value, computed by
 * interval arithmetic from the ranges of the leaves; each op's rule is part of its
 * {@link OpDeclaration}. The random-graph builder uses it to respect
 * domains and magnitudes by construction: it guards the input of {@code log}, {@code sqrt},
 * {@code 1/x} when its range reaches below a positive margin, and squashes inputs whose result
 * could grow past {@link #LIMIT}.
 */
public record Interval(double lo, double hi) {

    /** The largest magnitude a generated node may reach. */
    public static final double LIMIT = 100.0;

    public static Interval of(double lo, double hi) {
        return new Interval(lo, hi);
    }

    public double magnitude() {
        return Math.max(Math.abs(lo), Math.abs(hi));
    }

    public boolean within(double limit) {
        return magnitude() <= limit;
    }

    public Interval plus(Interval o) {
        return of(lo + o.lo, hi + o.hi);
    }

    public Interval times(Interval o) {
        double a = lo * o.lo;
        double b = lo * o.hi;
        double c = hi * o.lo;
        double d = hi * o.hi;
        return of(Math.min(Math.min(a, b), Math.min(c, d)), Math.max(Math.max(a, b), Math.max(c, d)));
    }

    public Interval scale(double k) {
        return k >= 0 ? of(lo * k, hi * k) : of(hi * k, lo * k);
    }

    public Interval shift(double c) {
        return of(lo + c, hi + c);
    }

    public Interval square() {
        double m = magnitude();
        if (lo >= 0) {
            return of(lo * lo, hi * hi);
        }
        if (hi <= 0) {
            return of(hi * hi, lo * lo);
        }
        return of(0, m * m);
    }

    public Interval abs() {
        if (lo >= 0) {
            return this;
        }
        if (hi <= 0) {
            return of(-hi, -lo);
        }
        return of(0, magnitude());
    }

    /** The image under a non-decreasing function. */
    public Interval monotone(java.util.function.DoubleUnaryOperator f) {
        return of(f.applyAsDouble(lo), f.applyAsDouble(hi));
    }

    public Interval hull(Interval o) {
        return of(Math.min(lo, o.lo), Math.max(hi, o.hi));
    }

    /** The range of {@code x^p}; fractional or negative powers are applied to positive ranges only. */
    public static Interval power(Interval x, double p) {
        if (p == 2) {
            return x.square();
        }
        if (p == Math.rint(p) && p > 0) {
            return x.monotone(v -> Math.pow(v, p)).hull(x.abs().monotone(v -> Math.pow(v, p)).scale(-1))
                    .hull(x.abs().monotone(v -> Math.pow(v, p)));
        }
        // fractional or negative powers are applied to a positive range only
        double a = Math.pow(x.lo, p);
        double b = Math.pow(x.hi, p);
        return of(Math.min(a, b), Math.max(a, b));
    }
}
