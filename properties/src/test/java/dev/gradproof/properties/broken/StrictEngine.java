package dev.gradproof.properties.broken;

import dev.gradproof.autograd.Variable;
import dev.gradproof.properties.core.AutogradCoreAdapter;
import dev.gradproof.properties.engine.Capabilities;
import dev.gradproof.properties.engine.DenseArray;
import dev.gradproof.properties.engine.ForwardingAdapter;
import dev.gradproof.properties.engine.KnownFault;
import dev.gradproof.properties.engine.OpCall;
import dev.gradproof.properties.engine.Ops;
import dev.gradproof.properties.engine.Unsupported;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * autograd-core behind a declaration it polices: every input the kit gives outside what the
 * engine declares (a rank, a broadcast, an empty dimension, a parameter, an upstream) makes it
 * throw {@link IllegalStateException}, so that a kit run without failures proves the kit kept to
 * the declaration. It can also decline inputs ({@link Unsupported}), crash on some (as a real
 * engine would) and declare that crash as a known fault; with {@link Capabilities.RepeatedBackward#RESET}
 * it zeroes its leaves' gradients before each backward.
 */
final class StrictEngine extends ForwardingAdapter<Variable> {

    private final String name;
    private final Set<String> ops;
    private final Capabilities declared;
    private final BiPredicate<OpCall, List<int[]>> declines;
    private final BiPredicate<OpCall, List<int[]>> crashes;
    private final List<KnownFault> knownFaults;
    private final List<Variable> newLeaves = new ArrayList<>();
    private final java.util.Map<Variable, List<Variable>> leavesOf = new java.util.IdentityHashMap<>();

    StrictEngine(String name, Set<String> ops, Capabilities declared, BiPredicate<OpCall, List<int[]>> declines,
                 BiPredicate<OpCall, List<int[]>> crashes, List<KnownFault> knownFaults) {
        super(new AutogradCoreAdapter());
        this.name = name;
        this.ops = ops;
        this.declared = declared;
        this.declines = declines;
        this.crashes = crashes;
        this.knownFaults = knownFaults;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Set<String> ops() {
        return ops;
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(); // none: the kit's rules that need one are proved skipped
    }

    @Override
    public Capabilities declared() {
        return declared;
    }

    @Override
    public List<KnownFault> knownFaults() {
        return knownFaults;
    }

    @Override
    public Variable leaf(String leafName, DenseArray value) {
        police("leaf " + leafName, value.shape());
        Variable leaf = delegate.leaf(leafName, value);
        newLeaves.add(leaf);
        return leaf;
    }

    @Override
    public Variable apply(OpCall call, List<Variable> in) {
        List<int[]> shapes = in.stream().map(Variable::value).map(v -> v.dims()).toList();
        if (!ops.contains(call.op())) {
            throw new IllegalStateException("kit applied the undeclared op " + call.op());
        }
        for (int[] shape : shapes) {
            police(call.op(), shape);
        }
        if (Ops.ELEMENTWISE_BINARY.contains(call.op())) {
            policeBroadcast(call.op(), shapes.get(0), shapes.get(1));
        }
        if (call.op().equals(Ops.LEAKY_RELU) || call.op().equals(Ops.ELU)) {
            double[] allowed = declared.parameters(call.op(), new double[] {call.scalar()});
            if (Arrays.stream(allowed).noneMatch(v -> v == call.scalar())) {
                throw new IllegalStateException("kit used the undeclared parameter " + call.scalar() + " of " + call.op());
            }
        }
        if (declared.parameterPrecision() == Capabilities.Precision.FLOAT32 && call.scalar() != (float) call.scalar()) {
            throw new IllegalStateException("kit used a parameter that is not a float: " + call.scalar());
        }
        if (declines.test(call, shapes)) {
            throw new Unsupported(call.op() + " of " + describe(shapes));
        }
        if (crashes.test(call, shapes)) {
            throw new ArithmeticException(name + " cannot " + call.op() + " " + describe(shapes));
        }
        return delegate.apply(call, in);
    }

    @Override
    public void backward(Variable output, DenseArray upstream) {
        if (!declared.upstream() && (output.value().dims().length != 0 || upstream.get(0) != 1.0)) {
            throw new IllegalStateException("kit passed upstream " + upstream + " to an engine without upstream support");
        }
        if (declared.repeatedBackward() == Capabilities.RepeatedBackward.RESET) {
            // the leaves of this output's graph: those made since the last backward of another output
            List<Variable> leaves = leavesOf.computeIfAbsent(output, o -> {
                List<Variable> made = List.copyOf(newLeaves);
                newLeaves.clear();
                return made;
            });
            leaves.forEach(delegate::zeroGrad);
        }
        delegate.backward(output, upstream);
    }

    private void police(String what, int[] shape) {
        if (shape.length > declared.maxRank()) {
            throw new IllegalStateException("kit gave " + what + " a rank-" + shape.length + " tensor "
                    + Arrays.toString(shape) + "; declared max rank " + declared.maxRank());
        }
        if (!declared.zeroSizeDims() && Arrays.stream(shape).anyMatch(d -> d == 0)) {
            throw new IllegalStateException("kit gave " + what + " an empty dimension " + Arrays.toString(shape));
        }
    }

    private void policeBroadcast(String op, int[] a, int[] b) {
        boolean ok = switch (declared.broadcasting()) {
            case NONE -> Arrays.equals(a, b);
            case SAME_RANK -> a.length == b.length;
            case NUMPY -> true;
        };
        if (!ok) {
            throw new IllegalStateException("kit broadcast " + Arrays.toString(a) + " " + op + " " + Arrays.toString(b)
                    + " under broadcasting " + declared.broadcasting());
        }
    }

    private static String describe(List<int[]> shapes) {
        return String.join(" and ", shapes.stream().map(Arrays::toString).toList());
    }
}
