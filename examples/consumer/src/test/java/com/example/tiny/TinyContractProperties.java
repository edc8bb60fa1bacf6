package com.example.tiny;

import dev.gradproof.properties.engine.AutogradAdapter;
import dev.gradproof.properties.engine.DenseArray;
import dev.gradproof.properties.engine.OpCall;
import dev.gradproof.properties.kit.AutogradContract;

import java.util.List;
import java.util.Set;

/**
 * The tiny engine through gradproof's contract kit: every invariant of backprop, as jqwik properties
 * over random graphs made of the ops the engine declares. Invariants that need a capability the
 * engine lacks (second order) are reported as skipped with the reason.
 */
class TinyContractProperties extends AutogradContract<Node> {

    @Override
    protected AutogradAdapter<Node> engine() {
        return new TinyAdapter();
    }

    /** The adapter: five required methods, and the optional constants, detach and zeroGrad. */
    static final class TinyAdapter implements AutogradAdapter<Node> {

        @Override
        public String name() {
            return "tiny";
        }

        @Override
        public Set<String> ops() {
            return Set.of("add", "sub", "mul", "neg", "tanh", "relu", "sum");
        }

        @Override
        public Set<Capability> capabilities() {
            return Set.of(Capability.CONSTANTS, Capability.DETACH, Capability.ZERO_GRAD);
        }

        @Override
        public Node leaf(String name, DenseArray value) {
            return Node.leaf(value.data(), value.shape());
        }

        @Override
        public Node constant(String name, DenseArray value) {
            return Node.constant(value.data(), value.shape());
        }

        @Override
        public Node detach(Node node) {
            return node.detach();
        }

        @Override
        public void zeroGrad(Node leaf) {
            leaf.zeroGrad();
        }

        @Override
        public Node apply(OpCall call, List<Node> in) {
            return switch (call.op()) {
                case "add" -> in.get(0).add(in.get(1));
                case "sub" -> in.get(0).sub(in.get(1));
                case "mul" -> in.get(0).mul(in.get(1));
                case "neg" -> in.get(0).neg();
                case "tanh" -> in.get(0).tanh();
                case "relu" -> in.get(0).relu();
                case "sum" -> in.get(0).sum();
                default -> throw new IllegalArgumentException("tiny does not declare " + call.op());
            };
        }

        @Override
        public void backward(Node output, DenseArray upstream) {
            output.backward(upstream.data());
        }

        @Override
        public DenseArray value(Node node) {
            return new DenseArray(node.data(), node.shape());
        }

        @Override
        public DenseArray grad(Node node) {
            return new DenseArray(node.grad(), node.shape());
        }
    }
}
