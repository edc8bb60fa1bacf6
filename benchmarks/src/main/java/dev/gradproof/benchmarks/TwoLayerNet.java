package dev.gradproof.benchmarks;

import dev.gradproof.autograd.Losses;
import dev.gradproof.autograd.Tensor;
import dev.gradproof.autograd.Variable;

/**
 * The lecture notes' network, {@code loss = sum((sigmoid(x w1) w2 - y)^2)}, at sizes
 * {@code (N, D_in, H, D_out)}, with data, targets and weights drawn from fixed seeds. The same
 * sizes and formula are used on the PyTorch side of {@code compare-torch.sh}.
 */
record TwoLayerNet(int n, int dIn, int hidden, int dOut, Tensor x, Tensor y, Tensor w1, Tensor w2) {

    /** The net of sizes written {@code "NxD_inxHxD_out"}, e.g. {@code "64x1000x100x10"} (JMH splits parameter values at commas). */
    static TwoLayerNet parse(String sizes) {
        String[] parts = sizes.split("x");
        if (parts.length != 4) {
            throw new IllegalArgumentException("net sizes: expected NxD_inxHxD_out, got \"" + sizes + "\"");
        }
        int n = Integer.parseInt(parts[0].trim());
        int dIn = Integer.parseInt(parts[1].trim());
        int hidden = Integer.parseInt(parts[2].trim());
        int dOut = Integer.parseInt(parts[3].trim());
        return new TwoLayerNet(n, dIn, hidden, dOut,
                Tensor.randn(1, n, dIn), Tensor.randn(2, n, dOut),
                Tensor.randn(3, dIn, hidden).times(1.0 / Math.sqrt(dIn)),
                Tensor.randn(4, hidden, dOut).times(1.0 / Math.sqrt(hidden)));
    }

    /** The notes' forward pass and loss. */
    static Variable loss(Variable x, Variable w1, Variable w2, Variable y) {
        return Losses.sumSquaredError(x.matmul(w1).sigmoid().matmul(w2), y);
    }
}
