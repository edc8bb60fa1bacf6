package com.example.ndarray;

import dev.gradproof.properties.engine.AutogradAdapter;
import dev.gradproof.properties.engine.Capabilities;
import dev.gradproof.properties.engine.DenseArray;
import dev.gradproof.properties.engine.OpCall;

import java.util.List;
import java.util.Set;

/**
 * The adapter of the N-d engine. Its declaration: no broadcasting (equal shapes only), backward
 * from a scalar output only (the kit applies other upstreams as {@code sum(output * upstream)});
 * everything else as numpy (rank up to 4, empty dimensions, gradients that accumulate).
 */
final class NdAdapter implements AutogradAdapter<Nd> {

    @Override
    public String name() {
        return "ndarray engine";
    }

    @Override
    public Set<String> ops() {
        return Set.of("add", "sub", "mul", "div", "neg", "exp", "log", "tanh", "relu", "square", "sqrt",
                "addConstant", "mulConstant", "sum", "sumAxis", "reshape", "transpose", "matmul");
    }

    @Override
    public Capabilities declared() {
        return Capabilities.numpyStyle()
                .withBroadcasting(Capabilities.Broadcasting.NONE)
                .withoutUpstream();
    }

    @Override
    public Nd leaf(String name, DenseArray value) {
        return Nd.of(value.shape(), value.data());
    }

    @Override
    public Nd apply(OpCall call, List<Nd> in) {
        Nd a = in.get(0);
        return switch (call.op()) {
            case "add" -> a.add(in.get(1));
            case "sub" -> a.sub(in.get(1));
            case "mul" -> a.mul(in.get(1));
            case "div" -> a.div(in.get(1));
            case "neg" -> a.neg();
            case "exp" -> a.exp();
            case "log" -> a.log();
            case "tanh" -> a.tanh();
            case "relu" -> a.relu();
            case "square" -> a.square();
            case "sqrt" -> a.sqrt();
            case "addConstant" -> a.plus(call.scalar());
            case "mulConstant" -> a.times(call.scalar());
            case "sum" -> a.sum();
            case "sumAxis" -> a.sumAxis(call.axis(), call.keepDims());
            case "reshape" -> a.reshape(call.ints());
            case "transpose" -> a.transpose();
            case "matmul" -> a.matmul(in.get(1));
            default -> throw new IllegalArgumentException("ndarray engine: no op " + call.op());
        };
    }

    @Override
    public void backward(Nd output, DenseArray upstream) {
        output.backward(); // declared: called only for a scalar output with upstream 1
    }

    @Override
    public DenseArray value(Nd node) {
        return new DenseArray(node.data(), node.shape());
    }

    @Override
    public DenseArray grad(Nd node) {
        return new DenseArray(node.grad(), node.shape());
    }
}
