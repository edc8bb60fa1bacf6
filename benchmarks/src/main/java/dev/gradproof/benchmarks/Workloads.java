package dev.gradproof.benchmarks;

import dev.gradproof.autograd.Tensor;
import dev.gradproof.gradcheck.GradCheck;

/**
 * The gradient checks of the benchmarks, named as {@code compare-torch.sh} names them on the PyTorch
 * side: {@code net:NxD_inxHxD_out}, {@code tanh:SIZE} and {@code matmul:MxK@KxN}.
 */
final class Workloads {

    private Workloads() {
    }

    /** The check of one named workload (FULL mode, every default; callers set the mode). */
    static GradCheck gradCheck(String workload) {
        int colon = workload.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("workload \"" + workload + "\": expected kind:sizes");
        }
        String kind = workload.substring(0, colon);
        String sizes = workload.substring(colon + 1);
        switch (kind) {
            case "net": {
                TwoLayerNet net = TwoLayerNet.parse(sizes);
                return GradCheck.of(v -> TwoLayerNet.loss(v.get(0), v.get(1), v.get(2), v.get(3)))
                        .input("x", net.x()).input("w1", net.w1()).input("w2", net.w2()).input("y", net.y())
                        .exclude("x", "y");
            }
            case "tanh":
                return GradCheck.of(v -> v.get(0).tanh()).input("x", Tensor.randn(5, Integer.parseInt(sizes)));
            case "matmul": {
                String[] operands = sizes.split("@");
                int[] a = dims(operands[0]);
                int[] b = dims(operands[1]);
                return GradCheck.of(v -> v.get(0).matmul(v.get(1)))
                        .input("a", Tensor.randn(6, a)).input("b", Tensor.randn(7, b));
            }
            default:
                throw new IllegalArgumentException("workload \"" + workload + "\": unknown kind \"" + kind
                        + "\" (net, tanh, matmul)");
        }
    }

    private static int[] dims(String text) {
        String[] parts = text.split("x");
        return new int[] {Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim())};
    }
}
