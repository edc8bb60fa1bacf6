package dev.gradproof.properties.core;

import dev.gradproof.autograd.Autograd;
import dev.gradproof.autograd.Losses;
import dev.gradproof.autograd.Shape;
import dev.gradproof.autograd.Variable;
import dev.gradproof.properties.engine.AutogradAdapter;
import dev.gradproof.properties.engine.DenseArray;
import dev.gradproof.properties.engine.OpCall;
import dev.gradproof.properties.engine.Ops;
import dev.gradproof.properties.graph.DenseArrays;

import dev.gradproof.properties.graph.GraphSpec;
import dev.gradproof.properties.graph.LeafNode;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * gradproof's own engine, autograd-core, behind the contract kit's adapter: every op of
 * {@link Ops} and every capability.
 */
public final class AutogradCoreAdapter implements AutogradAdapter<Variable> {

    /**
     * A generated graph as a function of autograd-core variables for its grad leaves, in the order of
     * {@link GraphSpec#gradLeafIndices()}; the other leaves are constants with their values. This is
     * how gradcheck differentiates the graph with its own fresh variables.
     */
    public static Function<List<Variable>, Variable> asFunction(GraphSpec graph) {
        AutogradCoreAdapter core = new AutogradCoreAdapter();
        List<Integer> gradLeaves = graph.gradLeafIndices();
        return inputs -> graph.evaluate(core, graph.leafIndices().stream().map(i -> {
            int k = gradLeaves.indexOf(i);
            LeafNode node = graph.leaf(i);
            return k >= 0 ? inputs.get(k) : Variable.constant(node.name(), node.value());
        }).toList()).output();
    }

    @Override
    public String name() {
        return "autograd-core";
    }

    @Override
    public Set<String> ops() {
        return Set.copyOf(Ops.ALL);
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.allOf(Capability.class);
    }

    @Override
    public Variable leaf(String name, DenseArray value) {
        return Variable.leaf(name, DenseArrays.toTensor(value));
    }

    @Override
    public Variable constant(String name, DenseArray value) {
        return Variable.constant(name, DenseArrays.toTensor(value));
    }

    @Override
    public Variable detach(Variable node) {
        return node.detach();
    }

    @Override
    public void zeroGrad(Variable leaf) {
        leaf.zeroGrad();
    }

    @Override
    public void backward(Variable output, DenseArray upstream) {
        output.backward(DenseArrays.toTensor(upstream));
    }

    @Override
    public DenseArray value(Variable node) {
        return DenseArrays.of(node.value());
    }

    @Override
    public DenseArray grad(Variable node) {
        return DenseArrays.of(node.grad());
    }

    @Override
    public List<Variable> gradientsWithGraph(Variable output, List<Variable> inputs) {
        return Autograd.grad(output, inputs, true);
    }

    @Override
    public Variable apply(OpCall call, List<Variable> in) {
        Variable x = in.get(0);
        return switch (call.op()) {
            case Ops.ADD -> x.add(in.get(1));
            case Ops.SUB -> x.sub(in.get(1));
            case Ops.MUL -> x.mul(in.get(1));
            case Ops.DIV -> x.div(in.get(1));
            case Ops.MAXIMUM -> x.maximum(in.get(1));
            case Ops.MINIMUM -> x.minimum(in.get(1));
            case Ops.NEG -> x.neg();
            case Ops.EXP -> x.exp();
            case Ops.LOG -> x.log();
            case Ops.SQRT -> x.sqrt();
            case Ops.SQUARE -> x.square();
            case Ops.ABS -> x.abs();
            case Ops.RECIPROCAL -> x.reciprocal();
            case Ops.ADD_CONSTANT -> x.add(call.scalar());
            case Ops.MUL_CONSTANT -> x.mul(call.scalar());
            case Ops.POW -> x.pow(call.scalar());
            case Ops.SIGMOID -> x.sigmoid();
            case Ops.TANH -> x.tanh();
            case Ops.RELU -> x.relu();
            case Ops.LEAKY_RELU -> x.leakyRelu(call.scalar());
            case Ops.ELU -> x.elu(call.scalar());
            case Ops.GELU -> x.gelu();
            case Ops.SILU -> x.silu();
            case Ops.NORMAL_CDF -> x.normalCdf();
            case Ops.SUM -> x.sum();
            case Ops.MEAN -> x.mean();
            case Ops.SUM_AXIS -> x.sum(call.axis(), call.keepDims());
            case Ops.MEAN_AXIS -> x.mean(call.axis(), call.keepDims());
            case Ops.BROADCAST_TO -> x.broadcastTo(Shape.of(call.ints()));
            case Ops.RESHAPE -> x.reshape(Shape.of(call.ints()));
            case Ops.TRANSPOSE -> x.transpose();
            case Ops.MATMUL -> x.matmul(in.get(1));
            case Ops.SOFTMAX -> x.softmax(call.axis());
            case Ops.LOG_SOFTMAX -> x.logSoftmax(call.axis());
            case Ops.MAXOUT -> x.maxout(in.get(1), in.get(2), in.get(3), in.get(4));
            case Ops.SOFTMAX_CROSS_ENTROPY -> Losses.softmaxCrossEntropy(x, call.ints());
            case Ops.SVM_HINGE -> Losses.svmHinge(x, call.ints());
            case Ops.SUM_SQUARED_ERROR -> Losses.sumSquaredError(x, in.get(1));
            case Ops.L2 -> Losses.l2(call.scalar(), in.toArray(new Variable[0]));
            default -> throw new IllegalArgumentException("autograd-core adapter: unknown op \"" + call.op() + "\"");
        };
    }
}
