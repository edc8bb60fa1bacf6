package com.example.djl;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.GradientCollector;
import ai.djl.training.loss.L2Loss;
import ai.djl.training.loss.SoftmaxCrossEntropyLoss;
import dev.gradproof.properties.engine.AutogradAdapter;
import dev.gradproof.properties.engine.Capabilities;
import dev.gradproof.properties.engine.DenseArray;
import dev.gradproof.properties.engine.KnownFault;
import dev.gradproof.properties.engine.OpCall;
import dev.gradproof.properties.engine.Ops;
import dev.gradproof.properties.engine.Unsupported;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * DJL 0.36.0's PyTorch engine behind gradproof's kit adapter, in float64: every op of the kit's
 * vocabulary that DJL has, each one call of DJL's public API (NDArray, Activation, the losses).
 *
 * <p>What it declares: numpy broadcasting, rank up to 4, zero-size dimensions (all as PyTorch);
 * backward from a scalar only (DJL's {@code GradientCollector.backward(target)} seeds ones, so the
 * kit applies an upstream as {@code sum(output * upstream)}); op parameters of Leaky ReLU and ELU are
 * {@code float} in DJL's API ({@code Activation.leakyRelu(NDArray, float)}), so parameters in float32;
 * one call at a time ({@code PtGradientCollector} allows one collector at a time, process-wide).
 * Constants, detach ({@code stopGradient}) and zeroGrad are declared; second order is not: DJL's
 * API has no {@code create_graph}.
 *
 * <p>Ops of the vocabulary DJL does not have, so not declared: {@code reciprocal},
 * {@code normalCdf}, {@code maxout}, {@code svmHinge} (DJL's {@code HingeLoss} is the binary one),
 * {@code l2}, the summed cross-entropy and the summed squared error ({@code L2Loss} averages).
 * {@code silu} is DJL's {@code swish(1)}; {@code sumSquaredError(mean)} is {@code new L2Loss("l2", 1)}
 * (its default weight 1/2 halves it); {@code softmaxCrossEntropy} is {@code SoftmaxCrossEntropyLoss}
 * with sparse labels.
 *
 * <p>Every array lives in one manager for the adapter's life (closed by {@link #close()}).
 */
final class DjlAdapter implements AutogradAdapter<NDArray>, AutoCloseable {

    /** The ops declared: the kit's names of the DJL ops above. */
    static final Set<String> OPS = Set.of(Ops.ADD, Ops.SUB, Ops.MUL, Ops.DIV, Ops.MAXIMUM, Ops.MINIMUM, Ops.NEG,
            Ops.EXP, Ops.LOG, Ops.SQRT, Ops.SQUARE, Ops.ABS, Ops.ADD_CONSTANT, Ops.MUL_CONSTANT, Ops.POW, Ops.SIGMOID,
            Ops.TANH, Ops.RELU, Ops.LEAKY_RELU, Ops.ELU, Ops.GELU, Ops.SILU, Ops.SUM, Ops.MEAN, Ops.SUM_AXIS,
            Ops.MEAN_AXIS, Ops.BROADCAST_TO, Ops.RESHAPE, Ops.TRANSPOSE, Ops.TRANSPOSE_AXES, Ops.MATMUL,
            Ops.BATCH_MATMUL, Ops.SOFTMAX, Ops.LOG_SOFTMAX, Ops.SOFTMAX_CROSS_ENTROPY, Ops.MEAN_SQUARED_ERROR);

    /** DJL's PyTorch engine allows one gradient collector at a time, process-wide. */
    private static final ReentrantLock ONE_COLLECTOR = new ReentrantLock();

    private final NDManager manager = NDManager.newBaseManager();
    private final Set<NDArray> backpropagated = Collections.newSetFromMap(new IdentityHashMap<>());

    @Override
    public String name() {
        return "DJL " + Engine.getDjlVersion() + " PyTorch " + Engine.getEngine("PyTorch").getVersion();
    }

    @Override
    public Set<String> ops() {
        return OPS;
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.CONSTANTS, Capability.DETACH, Capability.ZERO_GRAD);
    }

    @Override
    public Capabilities declared() {
        return Capabilities.numpyStyle().withoutUpstream()
                .withParameterPrecision(Capabilities.Precision.FLOAT32)
                .withSerializedCalls();
    }

    @Override
    public List<KnownFault> knownFaults() {
        return DjlKnownFaults.ALL;
    }

    @Override
    public NDArray leaf(String name, DenseArray value) {
        NDArray leaf = array(value);
        leaf.setRequiresGradient(true);
        return leaf;
    }

    @Override
    public NDArray constant(String name, DenseArray value) {
        return array(value);
    }

    @Override
    public NDArray detach(NDArray node) {
        return node.stopGradient();
    }

    @Override
    public void zeroGrad(NDArray leaf) {
        if (leaf.hasGradient()) {
            clear(leaf.getGradient());
        }
    }

    /**
     * Overwrites a gradient with zeros. Not {@code g.subi(g)}: an infinite or NaN element would stay
     * NaN ({@code inf - inf}), and the next pass would accumulate onto it.
     */
    static void clear(NDArray gradient) {
        gradient.set(new double[Math.toIntExact(gradient.size())]);
    }

    private NDArray array(DenseArray value) {
        return manager.create(value.data(), new Shape(Arrays.stream(value.shape()).asLongStream().toArray()));
    }

    /**
     * Applies the op under a gradient collector, so that PyTorch records it whatever the thread's
     * grad mode. Under {@link #ONE_COLLECTOR}: jqwik abandons a shrink that exceeds its time limit
     * while the shrink's thread keeps calling the engine, so calls can come from two threads at once.
     */
    @Override
    public NDArray apply(OpCall call, List<NDArray> in) {
        ONE_COLLECTOR.lock();
        try (GradientCollector recording = Engine.getEngine("PyTorch").newGradientCollector()) {
            return op(call, in);
        } finally {
            ONE_COLLECTOR.unlock();
        }
    }

    private NDArray op(OpCall call, List<NDArray> in) {
        NDArray a = in.get(0);
        return switch (call.op()) {
            case Ops.ADD -> a.add(in.get(1));
            case Ops.SUB -> a.sub(in.get(1));
            case Ops.MUL -> a.mul(in.get(1));
            case Ops.DIV -> a.div(in.get(1));
            case Ops.MAXIMUM -> a.maximum(in.get(1));
            case Ops.MINIMUM -> a.minimum(in.get(1));
            case Ops.NEG -> a.neg();
            case Ops.EXP -> a.exp();
            case Ops.LOG -> a.log();
            case Ops.SQRT -> a.sqrt();
            case Ops.SQUARE -> a.square();
            case Ops.ABS -> a.abs();
            case Ops.ADD_CONSTANT -> a.add(call.scalar());
            case Ops.MUL_CONSTANT -> a.mul(call.scalar());
            case Ops.POW -> a.pow(call.scalar());
            case Ops.SIGMOID -> Activation.sigmoid(a);
            case Ops.TANH -> Activation.tanh(a);
            case Ops.RELU -> Activation.relu(a);
            case Ops.LEAKY_RELU -> Activation.leakyRelu(a, (float) call.scalar());
            case Ops.ELU -> Activation.elu(a, (float) call.scalar());
            case Ops.GELU -> Activation.gelu(a);
            case Ops.SILU -> Activation.swish(a, 1f);
            case Ops.SUM -> a.sum();
            case Ops.MEAN -> a.mean();
            case Ops.SUM_AXIS -> a.sum(new int[] {call.axis()}, call.keepDims());
            case Ops.MEAN_AXIS -> a.mean(new int[] {call.axis()}, call.keepDims());
            case Ops.BROADCAST_TO -> a.broadcast(shape(call.ints()));
            case Ops.RESHAPE -> a.reshape(shape(call.ints()));
            case Ops.TRANSPOSE -> a.transpose();
            case Ops.TRANSPOSE_AXES -> a.swapAxes(call.ints()[0], call.ints()[1]);
            case Ops.MATMUL, Ops.BATCH_MATMUL -> a.matMul(in.get(1));
            case Ops.SOFTMAX -> a.softmax(call.axis());
            case Ops.LOG_SOFTMAX -> a.logSoftmax(call.axis());
            case Ops.SOFTMAX_CROSS_ENTROPY -> new SoftmaxCrossEntropyLoss("softmaxCrossEntropy")
                    .evaluate(new NDList(labels(call.ints())), new NDList(a));
            case Ops.MEAN_SQUARED_ERROR -> new L2Loss("l2", 1f).evaluate(new NDList(in.get(1)), new NDList(a));
            default -> throw new IllegalArgumentException("DJL adapter: op " + call.op() + " is not declared");
        };
    }

    private NDArray labels(int[] labels) {
        return manager.create(Arrays.stream(labels).asLongStream().toArray());
    }

    private static Shape shape(int[] dims) {
        return new Shape(Arrays.stream(dims).asLongStream().toArray());
    }

    /**
     * Backward from a scalar output (declared: the kit applies other upstreams as a weighted sum).
     * DJL's {@code GradientCollector.backward} frees the graph (PyTorch's {@code retain_graph=False};
     * its API has no other), so a second backward through one graph is declined, not failed.
     */
    @Override
    public void backward(NDArray output, DenseArray upstream) {
        if (!backpropagated.add(output)) {
            throw new Unsupported("a second backward through one graph: DJL's GradientCollector.backward"
                    + " frees the graph (no retain_graph in its API)");
        }
        ONE_COLLECTOR.lock();
        try (GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
            collector.backward(output);
        } finally {
            ONE_COLLECTOR.unlock();
        }
    }

    @Override
    public DenseArray value(NDArray node) {
        return new DenseArray(node.toType(DataType.FLOAT64, false).toDoubleArray(), dims(node.getShape()));
    }

    @Override
    public DenseArray grad(NDArray node) {
        return node.hasGradient() ? value(node.getGradient()) : DenseArray.zeros(dims(node.getShape()));
    }

    /** A DJL shape as the kit's dimensions. */
    static int[] dims(Shape shape) {
        return Arrays.stream(shape.getShape()).mapToInt(Math::toIntExact).toArray();
    }

    @Override
    public void close() {
        manager.close();
    }
}
