package dev.gradproof.properties.generators;

import dev.gradproof.properties.graph.GraphSpec;

import java.util.List;

/**
 * A fully connected network as the notes draw it, with its loss, as a {@link GraphSpec} of plain
 * ops: {@code h = act(matmul(h, w) + b)} per hidden layer ({@code maxout(h, w, b, w', b')} for a
 * Maxout layer), a linear last layer giving the scores, one of the notes' losses, and optionally
 * L2 regularization of all weights.
 *
 * @param batch        the number of examples N
 * @param inputs       the input dimension D
 * @param widths       the width of each layer; the last is the number of classes (or outputs)
 * @param activations  the activation of each hidden layer (one fewer than the layers)
 * @param loss         one of sumSquaredError, softmaxCrossEntropy, svmHinge
 * @param lambda       the L2 strength; 0 for none
 * @param graph        the network and loss as a graph: data {@code x} (and target {@code y}) are
 *                     constants, weights {@code w1, b1, ...} are leaves
 */
public record NetworkSpec(int batch, int inputs, List<Integer> widths, List<String> activations, String loss,
                          double lambda, GraphSpec graph) {

    /** Copies the lists. */
    public NetworkSpec {
        widths = List.copyOf(widths);
        activations = List.copyOf(activations);
    }

    /** The number of layers (1 to 4). */
    public int depth() {
        return widths.size();
    }

    /** {@code 3 -> 4 relu -> 2, svmHinge + l2(0.1), batch 5: <expression>}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder().append(inputs);
        for (int i = 0; i < widths.size(); i++) {
            sb.append(" -> ").append(widths.get(i));
            if (i < activations.size()) {
                sb.append(' ').append(activations.get(i));
            }
        }
        sb.append(", ").append(loss);
        if (lambda > 0) {
            sb.append(" + l2(").append(lambda).append(')');
        }
        return sb.append(", batch ").append(batch).append(": ").append(graph).toString();
    }
}
