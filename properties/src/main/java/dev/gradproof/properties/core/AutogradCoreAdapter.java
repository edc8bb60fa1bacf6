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
import dev.gradproof.properties.graph.OpDeclaration;
import dev.gradproof.properties.graph.OpDeclarations;
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

    /** The op's reference in its {@link OpDeclaration}. */
    @Override
    public Variable apply(OpCall call, List<Variable> in) {
        return OpDeclarations.of(call.op()).reference().apply(call, in);
    }
}
