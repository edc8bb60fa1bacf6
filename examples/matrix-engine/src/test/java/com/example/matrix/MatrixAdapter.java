package com.example.matrix;

import dev.gradproof.properties.engine.AutogradAdapter;
import dev.gradproof.properties.engine.Capabilities;
import dev.gradproof.properties.engine.DenseArray;
import dev.gradproof.properties.engine.OpCall;

import java.util.List;
import java.util.Set;

/**
 * The adapter of the 2-D engine. The kit's tensors of rank 0 and 1 are held as 1 x 1 and 1 x n
 * matrices; each node keeps the kit's shape beside its matrix, to give values and gradients back in it.
 * The declaration says what the engine supports: rank 2, broadcasting of dimensions of 1 within one
 * rank, no empty dimensions, backward from a scalar only (the kit applies other upstreams as
 * {@code sum(output * upstream)}), gradients reset by each backward.
 */
final class MatrixAdapter implements AutogradAdapter<MatrixAdapter.Node> {

    /** A matrix and the kit's shape of it. */
    record Node(Mat mat, int[] shape) {
    }

    @Override
    public String name() {
        return "matrix engine";
    }

    @Override
    public Set<String> ops() {
        return Set.of("add", "sub", "mul", "matmul", "transpose", "sum", "tanh", "sigmoid", "relu", "mulConstant");
    }

    @Override
    public Capabilities declared() {
        return Capabilities.numpyStyle()
                .withMaxRank(2)
                .withBroadcasting(Capabilities.Broadcasting.SAME_RANK)
                .withoutZeroSizeDims()
                .withoutUpstream()
                .withRepeatedBackward(Capabilities.RepeatedBackward.RESET);
    }

    @Override
    public Node leaf(String name, DenseArray value) {
        int[] shape = value.shape();
        int rows = shape.length == 2 ? shape[0] : 1;
        int cols = shape.length == 0 ? 1 : shape[shape.length - 1];
        return new Node(Mat.of(rows, cols, value.data()), shape);
    }

    @Override
    public Node apply(OpCall call, List<Node> in) {
        Mat a = in.get(0).mat();
        int[] shape = in.get(0).shape();
        return switch (call.op()) {
            case "add" -> new Node(a.add(in.get(1).mat()), wider(shape, in.get(1).shape()));
            case "sub" -> new Node(a.sub(in.get(1).mat()), wider(shape, in.get(1).shape()));
            case "mul" -> new Node(a.mul(in.get(1).mat()), wider(shape, in.get(1).shape()));
            case "matmul" -> new Node(a.matmul(in.get(1).mat()), new int[] {shape[0], in.get(1).shape()[1]});
            case "transpose" -> new Node(a.transpose(), new int[] {shape[1], shape[0]});
            case "sum" -> new Node(a.sum(), new int[0]);
            case "tanh" -> new Node(a.tanh(), shape);
            case "sigmoid" -> new Node(a.sigmoid(), shape);
            case "relu" -> new Node(a.relu(), shape);
            case "mulConstant" -> new Node(a.scale(call.scalar()), shape);
            default -> throw new IllegalArgumentException("matrix engine: no op " + call.op());
        };
    }

    /** The broadcast shape of two shapes of one rank. */
    private static int[] wider(int[] a, int[] b) {
        int[] out = a.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.max(a[i], b[i]);
        }
        return out;
    }

    @Override
    public void backward(Node output, DenseArray upstream) {
        output.mat().backward(); // declared: called only for a scalar output with upstream 1
    }

    @Override
    public DenseArray value(Node node) {
        return new DenseArray(node.mat().data(), node.shape());
    }

    @Override
    public DenseArray grad(Node node) {
        return new DenseArray(node.mat().grad(), node.shape());
    }
}
