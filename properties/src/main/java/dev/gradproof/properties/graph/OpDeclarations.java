package dev.gradproof.properties.graph;

import dev.gradproof.autograd.Losses;
import dev.gradproof.autograd.Reduction;
import dev.gradproof.autograd.Shape;
import dev.gradproof.autograd.Variable;
import dev.gradproof.properties.engine.OpCall;
import dev.gradproof.properties.engine.Ops;
import dev.gradproof.properties.graph.OpDeclaration.IntervalRule;
import dev.gradproof.properties.graph.OpDeclaration.Parameter;
import dev.gradproof.properties.graph.OpDeclaration.Printer;
import dev.gradproof.properties.graph.OpDeclaration.Reference;
import dev.gradproof.properties.graph.OpDeclaration.Role;
import dev.gradproof.properties.graph.OpDeclaration.ShapeRule;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * One {@link OpDeclaration} per op of {@link Ops}, in the order of {@link Ops#ALL}: the kit's whole
 * vocabulary in one file. Adding an op to the kit is adding its name to {@link Ops} and its
 * declaration here; the completeness test ties the two to autograd-core and the op catalogue.
 */
public final class OpDeclarations {

    private static final Predicate<OpCall> NEVER = call -> false;
    private static final Predicate<OpCall> ALWAYS = call -> true;

    private static final Map<String, OpDeclaration> BY_NAME = build();

    private OpDeclarations() {
    }

    /** Every declaration, in the order of {@link Ops#ALL}. */
    public static List<OpDeclaration> all() {
        return List.copyOf(BY_NAME.values());
    }

    /** The declaration of {@code op}, if the kit has one. */
    public static Optional<OpDeclaration> find(String op) {
        return Optional.ofNullable(BY_NAME.get(op));
    }

    /**
     * The declaration of {@code op}.
     *
     * @throws IllegalArgumentException naming the op and the known ones
     */
    public static OpDeclaration of(String op) {
        OpDeclaration declaration = BY_NAME.get(op);
        if (declaration == null) {
            throw new IllegalArgumentException("unknown op \"" + op + "\"; known: " + Ops.ALL);
        }
        return declaration;
    }

    /** The names of the smooth ops (every derivative continuous on the generated domains). */
    public static Set<String> smooth() {
        return all().stream().filter(OpDeclaration::smooth).map(OpDeclaration::op).collect(Collectors.toUnmodifiableSet());
    }

    private static Map<String, OpDeclaration> build() {
        List<OpDeclaration> list = List.of(
                infix(Ops.ADD, "+", (c, in, s) -> in.get(0).plus(in.get(1)), (c, in) -> in.get(0).add(in.get(1))),
                infix(Ops.SUB, "-", (c, in, s) -> in.get(0).plus(in.get(1).scale(-1)), (c, in) -> in.get(0).sub(in.get(1))),
                infix(Ops.MUL, "*", (c, in, s) -> in.get(0).times(in.get(1)), (c, in) -> in.get(0).mul(in.get(1))),
                infix(Ops.DIV, "/", (c, in, s) -> in.get(0).times(Interval.of(1 / in.get(1).hi(), 1 / in.get(1).lo())),
                        (c, in) -> in.get(0).div(in.get(1))),
                binaryCall(Ops.MAXIMUM, (c, in, s) -> Interval.of(Math.max(in.get(0).lo(), in.get(1).lo()),
                        Math.max(in.get(0).hi(), in.get(1).hi())), (c, in) -> in.get(0).maximum(in.get(1))),
                binaryCall(Ops.MINIMUM, (c, in, s) -> Interval.of(Math.min(in.get(0).lo(), in.get(1).lo()),
                        Math.min(in.get(0).hi(), in.get(1).hi())), (c, in) -> in.get(0).minimum(in.get(1))),
                new OpDeclaration(Ops.NEG, 1, Parameter.NONE, new double[0], Role.OTHER, true, NEVER, OpDeclarations::same,
                        (c, in, s) -> in.get(0).scale(-1), (c, x) -> "-" + x.get(0), true, (c, in) -> in.get(0).neg()),
                monotone(Ops.EXP, Math::exp, Variable::exp),
                positive(monotone(Ops.LOG, Math::log, Variable::log)),
                positive(monotone(Ops.SQRT, Math::sqrt, Variable::sqrt)),
                elementwise(Ops.SQUARE, Role.OTHER, true, (c, in, s) -> in.get(0).square(), Variable::square),
                elementwise(Ops.ABS, Role.OTHER, false, (c, in, s) -> in.get(0).abs(), Variable::abs),
                positive(elementwise(Ops.RECIPROCAL, Role.OTHER, true,
                        (c, in, s) -> Interval.of(1 / in.get(0).hi(), 1 / in.get(0).lo()), Variable::reciprocal)),
                new OpDeclaration(Ops.ADD_CONSTANT, 1, Parameter.SCALAR, new double[] {1, -0.5, 2, -3}, Role.OTHER, true,
                        NEVER, OpDeclarations::same, (c, in, s) -> in.get(0).shift(c.scalar()),
                        (c, x) -> x.get(0) + (c.scalar() < 0 ? " - " + number(-c.scalar()) : " + " + number(c.scalar())),
                        true, (c, in) -> in.get(0).add(c.scalar())),
                new OpDeclaration(Ops.MUL_CONSTANT, 1, Parameter.SCALAR, new double[] {2, -1, 0.5, -3}, Role.OTHER, true,
                        NEVER, OpDeclarations::same, (c, in, s) -> in.get(0).scale(c.scalar()),
                        (c, x) -> number(c.scalar()) + " * " + x.get(0), true, (c, in) -> in.get(0).mul(c.scalar())),
                withScalar(Ops.POW, new double[] {2, 3, 0.5, 1.5, -1}, Role.OTHER, true,
                        c -> c.scalar() != Math.rint(c.scalar()) || c.scalar() < 0,
                        (c, in, s) -> Interval.power(in.get(0), c.scalar()), (c, in) -> in.get(0).pow(c.scalar())),
                activation(monotone(Ops.SIGMOID, v -> 1 / (1 + Math.exp(-v)), Variable::sigmoid)),
                activation(monotone(Ops.TANH, Math::tanh, Variable::tanh)),
                elementwise(Ops.RELU, Role.ACTIVATION, false, (c, in, s) -> in.get(0).monotone(v -> Math.max(0, v)),
                        Variable::relu),
                withScalar(Ops.LEAKY_RELU, new double[] {0.01, 0.1, 0.2}, Role.ACTIVATION, false, NEVER,
                        (c, in, s) -> in.get(0).monotone(v -> v >= 0 ? v : c.scalar() * v),
                        (c, in) -> in.get(0).leakyRelu(c.scalar())),
                withScalar(Ops.ELU, new double[] {1, 0.5, 2}, Role.ACTIVATION, false, NEVER,
                        (c, in, s) -> in.get(0).monotone(v -> v >= 0 ? v : c.scalar() * Math.expm1(v)),
                        (c, in) -> in.get(0).elu(c.scalar())),
                // min of x Phi(x) is about -0.170, of x sigma(x) about -0.279
                elementwise(Ops.GELU, Role.ACTIVATION, true, (c, in, s) -> Interval.of(-0.18, Math.max(in.get(0).hi(), 0)),
                        Variable::gelu),
                elementwise(Ops.SILU, Role.ACTIVATION, true, (c, in, s) -> Interval.of(-0.28, Math.max(in.get(0).hi(), 0)),
                        Variable::silu),
                elementwise(Ops.NORMAL_CDF, Role.OTHER, true, (c, in, s) -> Interval.of(0, 1), Variable::normalCdf),
                reduction(Ops.SUM, (c, in) -> Shape.SCALAR, (c, in, s) -> in.get(0).scale(s.get(0).size()).hull(Interval.of(0, 0)),
                        (c, in) -> in.get(0).sum()),
                reduction(Ops.MEAN, (c, in) -> {
                    ShapeRules.require(in.get(0).size() > 0, Ops.MEAN + ": no elements to average in shape " + in.get(0));
                    return Shape.SCALAR;
                }, (c, in, s) -> in.get(0), (c, in) -> in.get(0).mean()),
                alongAxis(Ops.SUM_AXIS, Ops.SUM, (c, in, s) -> in.get(0).scale(s.get(0).dim(c.axis())).hull(Interval.of(0, 0)),
                        (c, in) -> in.get(0).sum(c.axis(), c.keepDims())),
                alongAxis(Ops.MEAN_AXIS, Ops.MEAN, (c, in, s) -> in.get(0), (c, in) -> in.get(0).mean(c.axis(), c.keepDims())),
                withDims(Ops.BROADCAST_TO, (c, in) -> {
                    Shape target = Shape.of(c.ints());
                    ShapeRules.require(in.get(0).broadcastsTo(target),
                            Ops.BROADCAST_TO + ": shape " + in.get(0) + " does not broadcast to " + target);
                    return target;
                }, (c, in) -> in.get(0).broadcastTo(Shape.of(c.ints()))),
                withDims(Ops.RESHAPE, (c, in) -> {
                    Shape target = Shape.of(c.ints());
                    ShapeRules.require(target.size() == in.get(0).size(),
                            Ops.RESHAPE + ": cannot reshape " + in.get(0) + " to " + target);
                    return target;
                }, (c, in) -> in.get(0).reshape(Shape.of(c.ints()))),
                new OpDeclaration(Ops.TRANSPOSE, 1, Parameter.NONE, new double[0], Role.OTHER, true, NEVER,
                        (c, in) -> ShapeRules.reversed(in.get(0)), (c, in, s) -> in.get(0), OpDeclarations::call, false,
                        (c, in) -> in.get(0).transpose()),
                new OpDeclaration(Ops.TRANSPOSE_AXES, 1, Parameter.DIMS, new double[0], Role.OTHER, true, NEVER,
                        (c, in) -> ShapeRules.swapped(in.get(0), c.ints()), (c, in, s) -> in.get(0),
                        (c, x) -> Ops.TRANSPOSE_AXES + "(" + x.get(0) + ", " + dims(c.ints()) + ")", false,
                        (c, in) -> in.get(0).transpose(c.ints()[0], c.ints()[1])),
                new OpDeclaration(Ops.MATMUL, 2, Parameter.NONE, new double[0], Role.OTHER, true, NEVER,
                        (c, in) -> ShapeRules.matmulShape(in.get(0), in.get(1)),
                        (c, in, s) -> in.get(0).times(in.get(1)).scale(s.get(0).dim(1)).hull(Interval.of(0, 0)),
                        OpDeclarations::call, false, (c, in) -> in.get(0).matmul(in.get(1))),
                new OpDeclaration(Ops.BATCH_MATMUL, 2, Parameter.NONE, new double[0], Role.OTHER, true, NEVER,
                        (c, in) -> ShapeRules.batchMatmulShape(in.get(0), in.get(1)),
                        (c, in, s) -> in.get(0).times(in.get(1)).scale(s.get(0).dim(2)).hull(Interval.of(0, 0)),
                        OpDeclarations::call, false, (c, in) -> in.get(0).matmul(in.get(1))),
                softmax(Ops.SOFTMAX, (c, in, s) -> Interval.of(0, 1), (c, in) -> in.get(0).softmax(c.axis())),
                softmax(Ops.LOG_SOFTMAX, (c, in, s) -> Interval.of(-(in.get(0).hi() - in.get(0).lo())
                        - Math.log(s.get(0).dim(c.axis())), 0), (c, in) -> in.get(0).logSoftmax(c.axis())),
                new OpDeclaration(Ops.MAXOUT, 5, Parameter.NONE, new double[0], Role.ACTIVATION, false, NEVER,
                        (c, in) -> ShapeRules.maxoutShape(in), OpDeclarations::maxoutInterval, OpDeclarations::call, false,
                        (c, in) -> in.get(0).maxout(in.get(1), in.get(2), in.get(3), in.get(4))),
                classifierLoss(Ops.SOFTMAX_CROSS_ENTROPY, true, OpDeclarations::crossEntropyInterval,
                        (c, in) -> Losses.softmaxCrossEntropy(in.get(0), c.ints())),
                classifierLoss(Ops.SVM_HINGE, false, OpDeclarations::hingeInterval,
                        (c, in) -> Losses.svmHinge(in.get(0), c.ints())),
                classifierLoss(Ops.SOFTMAX_CROSS_ENTROPY_SUM, true,
                        (c, in, s) -> crossEntropyInterval(c, in, s).scale(s.get(0).dim(0)),
                        (c, in) -> Losses.softmaxCrossEntropy(in.get(0), c.ints(), Reduction.SUM)),
                classifierLoss(Ops.SVM_HINGE_SUM, false, (c, in, s) -> hingeInterval(c, in, s).scale(s.get(0).dim(0)),
                        (c, in) -> Losses.svmHinge(in.get(0), c.ints(), Reduction.SUM)),
                new OpDeclaration(Ops.SUM_SQUARED_ERROR, 2, Parameter.NONE, new double[0], Role.LOSS, true, NEVER,
                        (c, in) -> {
                            ShapeRules.require(in.get(0).equals(in.get(1)), Ops.SUM_SQUARED_ERROR + ": prediction shape "
                                    + in.get(0) + " differs from target shape " + in.get(1));
                            return Shape.SCALAR;
                        },
                        (c, in, s) -> in.get(0).plus(in.get(1).scale(-1)).square().scale(s.get(0).size()),
                        OpDeclarations::call, false, (c, in) -> Losses.sumSquaredError(in.get(0), in.get(1))),
                new OpDeclaration(Ops.MEAN_SQUARED_ERROR, 2, Parameter.NONE, new double[0], Role.LOSS, true, NEVER,
                        (c, in) -> {
                            ShapeRules.require(in.get(0).equals(in.get(1)) && in.get(0).size() > 0, Ops.MEAN_SQUARED_ERROR
                                    + ": prediction " + in.get(0) + " and target " + in.get(1) + " must have one non-empty shape");
                            return Shape.SCALAR;
                        },
                        (c, in, s) -> in.get(0).plus(in.get(1).scale(-1)).square(), OpDeclarations::callWithReduction,
                        false, (c, in) -> Losses.sumSquaredError(in.get(0), in.get(1), Reduction.MEAN)),
                new OpDeclaration(Ops.L2, OpDeclaration.VARIADIC, Parameter.SCALAR, new double[] {0.1, 0.5, 1}, Role.OTHER,
                        true, NEVER, (c, in) -> Shape.SCALAR, OpDeclarations::l2Interval,
                        (c, x) -> Ops.L2 + "(" + number(c.scalar()) + ", " + String.join(", ", x) + ")", false,
                        (c, in) -> Losses.l2(c.scalar(), in.toArray(new Variable[0]))));
        Map<String, OpDeclaration> byName = new LinkedHashMap<>();
        for (OpDeclaration declaration : list) {
            if (byName.put(declaration.op(), declaration) != null) {
                throw new IllegalStateException("two declarations of " + declaration.op());
            }
        }
        return byName;
    }

    // ------------------------------------------------------------------ kinds of ops

    private static OpDeclaration infix(String op, String symbol, IntervalRule interval, Reference reference) {
        return new OpDeclaration(op, 2, Parameter.NONE, new double[0], Role.OTHER, true, NEVER, OpDeclarations::broadcast,
                interval, (c, x) -> x.get(0) + " " + symbol + " " + x.get(1), true, reference);
    }

    private static OpDeclaration binaryCall(String op, IntervalRule interval, Reference reference) {
        return new OpDeclaration(op, 2, Parameter.NONE, new double[0], Role.OTHER, false, NEVER, OpDeclarations::broadcast,
                interval, OpDeclarations::call, false, reference);
    }

    private static OpDeclaration elementwise(String op, Role role, boolean smooth, IntervalRule interval,
                                             UnaryOperator<Variable> reference) {
        return new OpDeclaration(op, 1, Parameter.NONE, new double[0], role, smooth, NEVER, OpDeclarations::same,
                interval, OpDeclarations::call, false, (c, in) -> reference.apply(in.get(0)));
    }

    private static OpDeclaration monotone(String op, DoubleUnaryOperator f, UnaryOperator<Variable> reference) {
        return elementwise(op, Role.OTHER, true, (c, in, s) -> in.get(0).monotone(f), reference);
    }

    private static OpDeclaration withScalar(String op, double[] defaults, Role role, boolean smooth,
                                            Predicate<OpCall> positiveInput, IntervalRule interval, Reference reference) {
        return new OpDeclaration(op, 1, Parameter.SCALAR, defaults, role, smooth, positiveInput, OpDeclarations::same,
                interval, (c, x) -> c.op() + "(" + x.get(0) + ", " + number(c.scalar()) + ")", false, reference);
    }

    private static OpDeclaration reduction(String op, ShapeRule shape, IntervalRule interval, Reference reference) {
        return new OpDeclaration(op, 1, Parameter.NONE, new double[0], Role.OTHER, true, NEVER, shape, interval,
                OpDeclarations::call, false, reference);
    }

    private static OpDeclaration alongAxis(String op, String printedAs, IntervalRule interval, Reference reference) {
        return new OpDeclaration(op, 1, Parameter.AXIS, new double[0], Role.OTHER, true, NEVER, (c, in) -> {
            Shape x = in.get(0);
            ShapeRules.requireAxis(op, x, c.axis());
            ShapeRules.require(!op.equals(Ops.MEAN_AXIS) || x.dim(c.axis()) > 0,
                    op + ": axis " + c.axis() + " of " + x + " is empty");
            return x.reduce(c.axis(), c.keepDims());
        }, interval, (c, x) -> printedAs + "(" + x.get(0) + ", axis=" + c.axis() + (c.keepDims() ? ", keepDims" : "") + ")",
                false, reference);
    }

    private static OpDeclaration withDims(String op, ShapeRule shape, Reference reference) {
        return new OpDeclaration(op, 1, Parameter.DIMS, new double[0], Role.OTHER, true, NEVER, shape,
                (c, in, s) -> in.get(0), (c, x) -> op + "(" + x.get(0) + ", " + dims(c.ints()) + ")", false, reference);
    }

    private static OpDeclaration softmax(String op, IntervalRule interval, Reference reference) {
        return new OpDeclaration(op, 1, Parameter.AXIS, new double[0], Role.OTHER, true, NEVER, (c, in) -> {
            ShapeRules.requireAxis(op, in.get(0), c.axis());
            return in.get(0);
        }, interval, (c, x) -> op + "(" + x.get(0) + ", axis=" + c.axis() + ")", false, reference);
    }

    private static OpDeclaration classifierLoss(String op, boolean smooth, IntervalRule interval, Reference reference) {
        return new OpDeclaration(op, 1, Parameter.LABELS, new double[0], Role.LOSS, smooth, NEVER, (c, in) -> {
            ShapeRules.checkLabels(op, in.get(0), c.ints());
            return Shape.SCALAR;
        }, interval, (c, x) -> name(op) + "(" + x.get(0) + ", labels=" + dims(c.ints()) + option(op) + ")", false,
                reference);
    }

    /** A loss with a reduction option prints as its base name with the option last: {@code svmHinge(x, labels=[0], sum)}. */
    private static String callWithReduction(OpCall call, List<String> operands) {
        return name(call.op()) + "(" + String.join(", ", operands) + option(call.op()) + ")";
    }

    /** The name before an option in parentheses: {@code svmHinge} of {@code svmHinge(sum)}. */
    private static String name(String op) {
        int open = op.indexOf('(');
        return open < 0 ? op : op.substring(0, open);
    }

    /** {@code ", sum"} of {@code svmHinge(sum)}; empty for an op without an option. */
    private static String option(String op) {
        int open = op.indexOf('(');
        return open < 0 ? "" : ", " + op.substring(open + 1, op.length() - 1);
    }

    private static Interval crossEntropyInterval(OpCall call, List<Interval> in, List<Shape> shapes) {
        return Interval.of(0, (in.get(0).hi() - in.get(0).lo()) + Math.log(shapes.get(0).dim(1)));
    }

    private static Interval hingeInterval(OpCall call, List<Interval> in, List<Shape> shapes) {
        return Interval.of(0, (shapes.get(0).dim(1) - 1) * (in.get(0).hi() - in.get(0).lo() + 1));
    }

    private static OpDeclaration positive(OpDeclaration d) {
        return new OpDeclaration(d.op(), d.arity(), d.parameter(), d.defaults(), d.role(), d.smooth(), ALWAYS, d.shape(),
                d.interval(), d.printer(), d.infix(), d.reference());
    }

    private static OpDeclaration activation(OpDeclaration d) {
        return new OpDeclaration(d.op(), d.arity(), d.parameter(), d.defaults(), Role.ACTIVATION, d.smooth(),
                d.positiveInput(), d.shape(), d.interval(), d.printer(), d.infix(), d.reference());
    }

    // ------------------------------------------------------------------ shared rules

    private static Shape same(OpCall call, List<Shape> in) {
        return in.get(0);
    }

    private static Shape broadcast(OpCall call, List<Shape> in) {
        return Shape.broadcast(in.get(0), in.get(1), call.op());
    }

    private static String call(OpCall call, List<String> operands) {
        return call.op() + "(" + String.join(", ", operands) + ")";
    }

    private static Interval maxoutInterval(OpCall call, List<Interval> in, List<Shape> shapes) {
        int inner = shapes.get(0).dim(1);
        Interval x = in.get(0);
        Interval first = x.times(in.get(1)).scale(inner).hull(Interval.of(0, 0)).plus(in.get(2));
        Interval second = x.times(in.get(3)).scale(inner).hull(Interval.of(0, 0)).plus(in.get(4));
        return Interval.of(Math.max(first.lo(), second.lo()), Math.max(first.hi(), second.hi()));
    }

    private static Interval l2Interval(OpCall call, List<Interval> in, List<Shape> shapes) {
        Interval total = Interval.of(0, 0);
        for (int i = 0; i < in.size(); i++) {
            total = total.plus(in.get(i).square().scale(shapes.get(i).size()));
        }
        return total.scale(call.scalar());
    }

    static String dims(int[] dims) {
        return Arrays.toString(dims).replace(" ", "");
    }

    static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
