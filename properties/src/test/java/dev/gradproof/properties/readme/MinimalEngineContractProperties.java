package dev.gradproof.properties.readme;

import dev.gradproof.autograd.Shape;
import dev.gradproof.autograd.Tensor;
import dev.gradproof.autograd.Variable;
import dev.gradproof.properties.engine.AutogradAdapter;
import dev.gradproof.properties.engine.DenseArray;
import dev.gradproof.properties.engine.OpCall;
import dev.gradproof.properties.kit.AutogradContract;

import java.util.List;
import java.util.Set;

/**
 * The README's example of wiring an engine into the contract kit, compiled and run here: the five
 * required methods of an adapter and a one-method subclass of the kit. The engine adapted is
 * autograd-core's {@link Variable}, standing for any engine with nodes, ops and backward; the
 * properties that need ops or capabilities it does not declare are skipped with the reason.
 */
class MinimalEngineContractProperties extends AutogradContract<Variable> {

    @Override
    protected AutogradAdapter<Variable> engine() {
        return new MinimalAdapter();
    }

    static final class MinimalAdapter implements AutogradAdapter<Variable> {

        @Override
        public Set<String> ops() {
            return Set.of("add", "sub", "mul", "neg", "tanh", "sum");
        }

        @Override
        public Variable leaf(String name, DenseArray value) {
            return Variable.leaf(name, Tensor.of(value.data(), value.shape()));
        }

        @Override
        public Variable apply(OpCall call, List<Variable> in) {
            return switch (call.op()) {
                case "add" -> in.get(0).add(in.get(1));
                case "sub" -> in.get(0).sub(in.get(1));
                case "mul" -> in.get(0).mul(in.get(1));
                case "neg" -> in.get(0).neg();
                case "tanh" -> in.get(0).tanh();
                case "sum" -> in.get(0).sum();
                default -> throw new IllegalArgumentException("not declared: " + call.op());
            };
        }

        @Override
        public void backward(Variable output, DenseArray upstream) {
            output.backward(Tensor.of(upstream.data(), Shape.of(upstream.shape())));
        }

        @Override
        public DenseArray value(Variable node) {
            return new DenseArray(node.value().toArray(), node.value().dims());
        }

        @Override
        public DenseArray grad(Variable node) {
            return new DenseArray(node.grad().toArray(), node.grad().dims());
        }
    }
}
