package com.example.scalar;

import dev.gradproof.properties.engine.AutogradAdapter.Capability;
import dev.gradproof.properties.engine.OpCall;
import dev.gradproof.properties.scalar.ScalarEngine;

import java.util.List;
import java.util.Set;

/**
 * The adapter of the scalar engine: only its scalar ops. gradproof's {@code ScalarAdapter} builds
 * tensors, sums, broadcasts and matrix products from them element by element.
 */
final class ValueEngine implements ScalarEngine<Value> {

    private final Ops ops;

    ValueEngine(Ops ops) {
        this.ops = ops;
    }

    @Override
    public String name() {
        return "scalar engine";
    }

    @Override
    public Set<String> ops() {
        return Set.of("add", "sub", "mul", "neg", "tanh", "exp", "relu", "addConstant", "mulConstant", "pow");
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.ZERO_GRAD);
    }

    @Override
    public Value leaf(double value) {
        return Value.of(value);
    }

    @Override
    public Value apply(OpCall call, List<Value> in) {
        Value a = in.get(0);
        return switch (call.op()) {
            case "add" -> ops.add(a, in.get(1));
            case "sub" -> ops.sub(a, in.get(1));
            case "mul" -> ops.mul(a, in.get(1));
            case "neg" -> ops.neg(a);
            case "tanh" -> ops.tanh(a);
            case "exp" -> ops.exp(a);
            case "relu" -> ops.relu(a);
            case "addConstant" -> ops.addConstant(a, call.scalar());
            case "mulConstant" -> ops.mulConstant(a, call.scalar());
            case "pow" -> ops.pow(a, call.scalar());
            default -> throw new IllegalArgumentException("scalar engine: no op " + call.op());
        };
    }

    @Override
    public void backward(Value output) {
        output.backward();
    }

    @Override
    public double value(Value node) {
        return node.data();
    }

    @Override
    public double grad(Value node) {
        return node.grad();
    }

    @Override
    public void zeroGrad(Value node) {
        node.zeroGrad();
    }
}
