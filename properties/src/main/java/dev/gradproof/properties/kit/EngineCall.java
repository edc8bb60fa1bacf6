package dev.gradproof.properties.kit;

import dev.gradproof.autograd.Tensor;
import dev.gradproof.gradcheck.function.AutogradVjpFunction;
import dev.gradproof.gradcheck.function.BranchRecord;
import dev.gradproof.gradcheck.function.CheckedFunction;
import dev.gradproof.gradcheck.function.DoubleBackward;
import dev.gradproof.gradcheck.function.Evaluation;
import dev.gradproof.gradcheck.model.Precision;
import dev.gradproof.properties.core.AutogradCoreAdapter;
import dev.gradproof.properties.engine.AutogradAdapter;
import dev.gradproof.properties.engine.Capabilities;
import dev.gradproof.properties.engine.DenseArray;
import dev.gradproof.properties.engine.OpCall;
import dev.gradproof.properties.engine.Ops;
import dev.gradproof.properties.graph.DenseArrays;
import dev.gradproof.properties.graph.GraphSpec;
import dev.gradproof.properties.graph.OpNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One op of the catalogue run in the engine under test, as gradcheck sees foreign code: a graph of
 * the sample's inputs and one op node, built afresh at every point, with its value, its
 * vector-Jacobian product (through the engine's backward, or {@code sum(output * upstream)} for an
 * engine without upstream support) and, where the engine has differentiable gradients, its double
 * backward. Declared faults are not avoided here: the run expects them to show.
 *
 * <p>The rounding scale comes from the catalogue's own autograd-core function at the same point
 * (as {@link EngineFunction} does for the kit's graphs): how far rounding moves the output is a
 * property of the computation, not of the engine. An engine that declares
 * {@link Capabilities#withSerializedCalls()} runs each call under one lock, shared by every such engine.
 */
final class EngineCall<V> implements CheckedFunction {

    /** The one lock of every engine that takes one call at a time. */
    private static final ReentrantLock SERIAL = new ReentrantLock();

    private final AutogradAdapter<V> engine;
    private final GraphSpec graph;
    private final CheckedFunction reference;
    private final boolean referenceKinks;

    /**
     * @param engine    the engine under test
     * @param graph     the sample's inputs as leaves, in order, and the op as the output
     * @param reference the catalogue's function of the sample (autograd-core), for the rounding scale
     */
    EngineCall(AutogradAdapter<V> engine, GraphSpec graph, CheckedFunction reference) {
        this(engine, graph, reference, false);
    }

    private EngineCall(AutogradAdapter<V> engine, GraphSpec graph, CheckedFunction reference, boolean referenceKinks) {
        this.engine = engine;
        this.graph = graph;
        this.reference = reference;
        this.referenceKinks = referenceKinks;
    }

    /**
     * This function with the branch record of autograd-core's backward pass of the same op at each
     * point: for second order, whose stencil cannot tell a kink of the first derivative (ELU's
     * curvature jumping at 0 although its slopes meet) from a wrong second derivative without it.
     * Where an op has its kinks is a property of the op at these inputs, as the rounding scale is; the
     * first-order check keeps gradcheck's stricter rule for foreign code (a KINK only inside the
     * subgradient interval of the one-sided slopes).
     */
    EngineCall<V> withReferenceKinks() {
        return new EngineCall<>(engine, graph, reference, true);
    }

    /** autograd-core's branch record of the op's backward pass at {@code point} (any upstream: the branches depend on the point only). */
    private BranchRecord backwardKinks(double[][] point, boolean[] wrt) {
        double[] ones = new double[graph.outputShape().size()];
        Arrays.fill(ones, 1.0);
        return backwardReference().evaluate(withUpstream(point, ones), append(wrt)).branches();
    }

    /** The graph at the sample's point. */
    GraphSpec graph() {
        return graph;
    }

    /** Runs {@code call} alone if the engine takes one call at a time. */
    <T> T serialized(Supplier<T> call) {
        if (engine.declared().concurrentCalls()) {
            return call.get();
        }
        SERIAL.lock();
        try {
            return call.get();
        } finally {
            SERIAL.unlock();
        }
    }

    /** The output's value at {@code point}. */
    DenseArray value(double[][] point) {
        return serialized(() -> at(point).evaluateKnownFaultsIncluded(engine).outputValue());
    }

    @Override
    public Evaluation evaluate(double[][] point, boolean[] wrt) {
        DenseArray out = value(point);
        return new Evaluation(out.data(), out.shape(), referenceKinks ? backwardKinks(point, wrt) : null);
    }

    @Override
    public double[][] vectorJacobianProduct(double[][] point, double[] upstream, boolean[] wrt) {
        return serialized(() -> {
            GraphSpec moved = at(point);
            var run = moved.evaluateKnownFaultsIncluded(engine)
                    .backward(new DenseArray(upstream.clone(), moved.outputShape().dims()));
            List<Integer> leaves = moved.leafIndices();
            double[][] grads = new double[point.length][];
            for (int i = 0; i < point.length; i++) {
                grads[i] = run.grad(leaves.get(i)).data();
            }
            return grads;
        });
    }

    @Override
    public Precision precision() {
        return engine.declared().precision() == Capabilities.Precision.FLOAT32 ? Precision.FLOAT32 : Precision.FLOAT64;
    }

    /** How many points {@link #roundingScale} compares the engine's forward value with the reference's at. */
    static final int ROUNDING_PROBES = 9;

    /**
     * The reference's rounding scale plus the engine's forward error measured against the
     * reference near this point: the largest {@code sum_m |u_m| |f_engine,m - f_reference,m|}, in
     * units of machine epsilon, over {@value #ROUNDING_PROBES} points (this one and points moved by
     * {@code k 1e-7 max(|x|, 1e-3)}, k = +-1 .. +-4). An engine may compute an op by another formula
     * whose rounding is larger than the reference's: PyTorch's GELU as
     * {@code x (1 + erf(x / sqrt 2)) / 2}, whose {@code 1 + erf} cancels to 0 in the far left tail
     * where autograd-core's {@code erfc} keeps every digit; an ELU as {@code alpha (e^x - 1)}, whose
     * rounding is on the scale of {@code alpha}, not of the tiny value autograd-core's {@code expm1}
     * returns. The numerical derivative of the engine carries that rounding over the step, and
     * gradcheck must allow for it; one point alone may show none of it by chance. A forward error
     * beyond the kit's stated forward tolerance is reported by the forward check before gradcheck
     * runs, so only rounding is measured here.
     */
    @Override
    public double roundingScale(double[][] point, double[] upstream, boolean[] wrt) {
        double measured = 0;
        for (double[][] probe : probes(point)) {
            double[] engine = value(probe).data();
            double[] core = reference.evaluate(probe, wrt).output();
            measured = Math.max(measured, weightedDifference(new double[][] {upstream}, new double[][] {engine},
                    new double[][] {core}));
        }
        return reference.roundingScale(point, upstream, wrt) + measured / precision().machineEpsilon();
    }

    /** The point and the points moved by {@code k 1e-7 max(|x|, 1e-3)}, k = +-1 .. +-4: where rounding is measured. */
    private static List<double[][]> probes(double[][] point) {
        List<double[][]> probes = new ArrayList<>(ROUNDING_PROBES);
        for (int k = 0; k < ROUNDING_PROBES; k++) {
            int shift = (k + 1) / 2 * (k % 2 == 0 ? -1 : 1);
            double[][] probe = new double[point.length][];
            for (int i = 0; i < point.length; i++) {
                probe[i] = point[i].clone();
                for (int e = 0; e < probe[i].length; e++) {
                    probe[i][e] += shift * 1e-7 * Math.max(Math.abs(point[i][e]), 1e-3);
                }
            }
            probes.add(probe);
        }
        return probes;
    }

    /** {@code sum |w| |a - b|} over the arrays given (null entries skipped). */
    private static double weightedDifference(double[][] weights, double[][] a, double[][] b) {
        double total = 0;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] == null || a[i] == null || b[i] == null) {
                continue;
            }
            for (int m = 0; m < weights[i].length && m < a[i].length && m < b[i].length; m++) {
                total += Math.abs(weights[i][m]) * Math.abs(a[i][m] - b[i][m]);
            }
        }
        return total;
    }

    /** Whether the engine can run {@link #doubleBackward}: differentiable gradients and mul, sum and add. */
    static boolean hasDoubleBackward(AutogradAdapter<?> engine) {
        return engine.capabilities().contains(AutogradAdapter.Capability.SECOND_ORDER)
                && engine.ops().containsAll(List.of(Ops.MUL, Ops.SUM, Ops.ADD));
    }

    /**
     * The engine's double backward for gradgradcheck ({@link #doubleBackward}), with the rounding
     * scale of its backward pass measured as {@link #roundingScale} measures the forward's:
     * autograd-core's, plus the engine's first-order gradients' largest difference from
     * autograd-core's near the point.
     */
    DoubleBackward secondOrder() {
        return new DoubleBackward() {
            @Override
            public double[][] backward(double[][] inputs, double[] upstream, double[][] gradientUpstreams) {
                return doubleBackward(inputs, upstream, gradientUpstreams);
            }

            @Override
            public double roundingScale(double[][] inputs, double[] upstream, double[][] gradientUpstreams) {
                boolean[] wrt = new boolean[inputs.length];
                for (int i = 0; i < wrt.length; i++) {
                    wrt[i] = gradientUpstreams[i] != null;
                }
                double measured = 0;
                for (double[][] probe : probes(inputs)) {
                    measured = Math.max(measured, weightedDifference(gradientUpstreams,
                            vectorJacobianProduct(probe, upstream, wrt), reference.vectorJacobianProduct(probe, upstream, wrt)));
                }
                return backwardReference().roundingScale(withUpstream(inputs, upstream), concat(gradientUpstreams),
                        append(wrt)) + measured / precision().machineEpsilon();
            }
        };
    }

    /** autograd-core's backward pass of the op as a function of the inputs and the upstream. */
    private AutogradVjpFunction backwardReference() {
        List<Integer> leaves = graph.leafIndices();
        return new AutogradVjpFunction(AutogradCoreAdapter.asFunction(graph), leaves.stream().map(i -> graph.leaf(i).name())
                .toList(), leaves.stream().map(i -> graph.leaf(i).shape().dims()).toList(), graph.outputShape().dims());
    }

    private static double[][] withUpstream(double[][] point, double[] upstream) {
        double[][] all = Arrays.copyOf(point, point.length + 1);
        all[point.length] = upstream;
        return all;
    }

    private static boolean[] append(boolean[] wrt) {
        boolean[] all = Arrays.copyOf(wrt, wrt.length + 1);
        all[wrt.length] = true;
        return all;
    }

    /** The gradients' upstreams laid end to end, as the backward pass's output is. */
    private static double[] concat(double[][] parts) {
        return Arrays.stream(parts).filter(Objects::nonNull).flatMapToDouble(Arrays::stream)
                .toArray();
    }

    /**
     * gradcheck's double backward of the op in the engine: the derivatives of
     * {@code s = sum_i <w_i, g_i>}, where {@code g_i} are the engine's differentiable gradients of
     * {@code sum(output * upstream)}, with respect to every input and to the upstream.
     */
    double[][] doubleBackward(double[][] point, double[] upstream, double[][] gradientUpstreams) {
        return serialized(() -> {
            GraphSpec moved = at(point);
            List<V> leaves = new ArrayList<>();
            for (int leaf : moved.leafIndices()) {
                leaves.add(engine.leaf(moved.leaf(leaf).name(), DenseArrays.of(moved.leaf(leaf).value())));
            }
            OpNode op = (OpNode) moved.node(moved.output());
            List<V> operands = new ArrayList<>();
            for (int input : op.inputs()) {
                operands.add(leaves.get(input)); // the leaves are the graph's first nodes, in order
            }
            V output = engine.apply(op.call(), operands);
            V up = engine.leaf("upstream", new DenseArray(upstream.clone(), moved.outputShape().dims()));
            V loss = engine.apply(OpCall.of(Ops.SUM), List.of(engine.apply(OpCall.of(Ops.MUL), List.of(output, up))));
            List<V> grads = engine.gradientsWithGraph(loss, leaves);
            V s = null;
            for (int i = 0; i < leaves.size(); i++) {
                if (gradientUpstreams[i] == null) {
                    continue;
                }
                V w = engine.leaf("w" + i, new DenseArray(gradientUpstreams[i].clone(),
                        moved.leaf(moved.leafIndices().get(i)).shape().dims()));
                V dot = engine.apply(OpCall.of(Ops.SUM), List.of(engine.apply(OpCall.of(Ops.MUL), List.of(grads.get(i), w))));
                s = s == null ? dot : engine.apply(OpCall.of(Ops.ADD), List.of(s, dot));
            }
            engine.backward(s, DenseArray.scalar(1.0));
            double[][] out = new double[point.length + 1][];
            for (int i = 0; i < leaves.size(); i++) {
                out[i] = gradientUpstreams[i] == null ? null : engine.grad(leaves.get(i)).data();
            }
            out[point.length] = engine.grad(up).data();
            return out;
        });
    }

    /** The graph with its leaves at {@code point}. */
    private GraphSpec at(double[][] point) {
        List<Integer> leaves = graph.leafIndices();
        List<Tensor> values = new ArrayList<>(point.length);
        for (int i = 0; i < point.length; i++) {
            values.add(Tensor.of(point[i], graph.leaf(leaves.get(i)).shape()));
        }
        return graph.withLeafValues(values);
    }
}
