package dev.gradproof.properties.generators;

import dev.gradproof.autograd.Shape;
import dev.gradproof.properties.engine.OpCall;
import dev.gradproof.properties.engine.Ops;

import java.util.List;

/**
 * A conservative range {@code [lo, hi]} containing every element of a node's value, computed by
 * interval arithmetic from the ranges of the leaves. The random-graph builder uses it to respect
 * domains and magnitudes by construction: it guards the input of {@code log}, {@code sqrt},
 * {@code 1/x} when its range reaches below a positive margin, and squashes inputs whose result
 * could grow past {@link #LIMIT}.
 */
record Interval(double lo, double hi) {

    /** The largest magnitude a generated node may reach. */
    static final double LIMIT = 100.0;

    static Interval of(double lo, double hi) {
        return new Interval(lo, hi);
    }

    double magnitude() {
        return Math.max(Math.abs(lo), Math.abs(hi));
    }

    boolean within(double limit) {
        return magnitude() <= limit;
    }

    Interval plus(Interval o) {
        return of(lo + o.lo, hi + o.hi);
    }

    Interval times(Interval o) {
        double a = lo * o.lo;
        double b = lo * o.hi;
        double c = hi * o.lo;
        double d = hi * o.hi;
        return of(Math.min(Math.min(a, b), Math.min(c, d)), Math.max(Math.max(a, b), Math.max(c, d)));
    }

    Interval scale(double k) {
        return k >= 0 ? of(lo * k, hi * k) : of(hi * k, lo * k);
    }

    Interval shift(double c) {
        return of(lo + c, hi + c);
    }

    Interval square() {
        double m = magnitude();
        if (lo >= 0) {
            return of(lo * lo, hi * hi);
        }
        if (hi <= 0) {
            return of(hi * hi, lo * lo);
        }
        return of(0, m * m);
    }

    Interval abs() {
        if (lo >= 0) {
            return this;
        }
        if (hi <= 0) {
            return of(-hi, -lo);
        }
        return of(0, magnitude());
    }

    /** The image under a non-decreasing function. */
    Interval monotone(java.util.function.DoubleUnaryOperator f) {
        return of(f.applyAsDouble(lo), f.applyAsDouble(hi));
    }

    Interval hull(Interval o) {
        return of(Math.min(lo, o.lo), Math.max(hi, o.hi));
    }

    /**
     * The range of {@code call} applied to inputs with the given ranges and shapes. Ops with a
     * domain (log, sqrt, reciprocal, a fractional or negative power, the denominator of div) expect
     * the builder to have made their input positive.
     */
    static Interval of(OpCall call, List<Interval> in, List<Shape> shapes) {
        Interval x = in.get(0);
        return switch (call.op()) {
            case Ops.ADD -> x.plus(in.get(1));
            case Ops.SUB -> x.plus(in.get(1).scale(-1));
            case Ops.MUL -> x.times(in.get(1));
            case Ops.DIV -> x.times(of(1 / in.get(1).hi, 1 / in.get(1).lo));
            case Ops.MAXIMUM -> of(Math.max(x.lo, in.get(1).lo), Math.max(x.hi, in.get(1).hi));
            case Ops.MINIMUM -> of(Math.min(x.lo, in.get(1).lo), Math.min(x.hi, in.get(1).hi));
            case Ops.NEG -> x.scale(-1);
            case Ops.EXP -> x.monotone(Math::exp);
            case Ops.LOG -> x.monotone(Math::log);
            case Ops.SQRT -> x.monotone(Math::sqrt);
            case Ops.SQUARE -> x.square();
            case Ops.ABS -> x.abs();
            case Ops.RECIPROCAL -> of(1 / x.hi, 1 / x.lo);
            case Ops.ADD_CONSTANT -> x.shift(call.scalar());
            case Ops.MUL_CONSTANT -> x.scale(call.scalar());
            case Ops.POW -> power(x, call.scalar());
            case Ops.SIGMOID -> x.monotone(v -> 1 / (1 + Math.exp(-v)));
            case Ops.TANH -> x.monotone(Math::tanh);
            case Ops.RELU -> x.monotone(v -> Math.max(0, v));
            case Ops.LEAKY_RELU -> x.monotone(v -> v >= 0 ? v : call.scalar() * v);
            // min of x Phi(x) is about -0.170, of x sigma(x) about -0.279
            case Ops.GELU -> of(-0.18, Math.max(x.hi, 0));
            case Ops.SILU -> of(-0.28, Math.max(x.hi, 0));
            case Ops.ELU -> x.monotone(v -> v >= 0 ? v : call.scalar() * Math.expm1(v));
            case Ops.NORMAL_CDF, Ops.SOFTMAX -> of(0, 1);
            case Ops.SUM -> x.scale(shapes.get(0).size()).hull(of(0, 0));
            case Ops.SUM_AXIS -> x.scale(shapes.get(0).dim(call.axis())).hull(of(0, 0));
            case Ops.MEAN, Ops.MEAN_AXIS, Ops.BROADCAST_TO, Ops.RESHAPE, Ops.TRANSPOSE -> x;
            case Ops.MATMUL -> x.times(in.get(1)).scale(shapes.get(0).dim(1)).hull(of(0, 0));
            case Ops.LOG_SOFTMAX -> of(-(x.hi - x.lo) - Math.log(shapes.get(0).dim(call.axis())), 0);
            case Ops.MAXOUT -> {
                int inner = shapes.get(0).dim(1);
                Interval first = x.times(in.get(1)).scale(inner).hull(of(0, 0)).plus(in.get(2));
                Interval second = x.times(in.get(3)).scale(inner).hull(of(0, 0)).plus(in.get(4));
                yield of(Math.max(first.lo, second.lo), Math.max(first.hi, second.hi));
            }
            case Ops.SOFTMAX_CROSS_ENTROPY -> of(0, (x.hi - x.lo) + Math.log(shapes.get(0).dim(1)));
            case Ops.SVM_HINGE -> of(0, (shapes.get(0).dim(1) - 1) * (x.hi - x.lo + 1));
            case Ops.SUM_SQUARED_ERROR -> x.plus(in.get(1).scale(-1)).square().scale(shapes.get(0).size());
            case Ops.L2 -> {
                Interval total = of(0, 0);
                for (int i = 0; i < in.size(); i++) {
                    total = total.plus(in.get(i).square().scale(shapes.get(i).size()));
                }
                yield total.scale(call.scalar());
            }
            default -> throw new IllegalArgumentException("no bounds for op " + call.op());
        };
    }

    private static Interval power(Interval x, double p) {
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
