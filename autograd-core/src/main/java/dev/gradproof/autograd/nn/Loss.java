package dev.gradproof.autograd.nn;

import dev.gradproof.autograd.Losses;
import dev.gradproof.autograd.Tensor;
import dev.gradproof.autograd.Variable;

/**
 * The data losses a {@link Network} can end in. Targets are a tensor of the scores' shape for
 * {@link #SUM_SQUARED_ERROR}, and a vector of class indices for the classification losses.
 */
public enum Loss {
    /** {@code sum (scores - targets)^2}, the loss of the notes' 20-line network. */
    SUM_SQUARED_ERROR,
    /** Softmax cross-entropy over class indices, averaged over the batch. */
    SOFTMAX_CROSS_ENTROPY,
    /** The multiclass SVM hinge loss with margin 1, averaged over the batch. */
    SVM_HINGE;

    /**
     * The loss of {@code scores [N, C]} against {@code targets}.
     *
     * @throws IllegalArgumentException naming the index of a target that is not a class index
     */
    public Variable apply(Variable scores, Tensor targets) {
        return switch (this) {
            case SUM_SQUARED_ERROR -> Losses.sumSquaredError(scores, Variable.constant("targets", targets));
            case SOFTMAX_CROSS_ENTROPY -> Losses.softmaxCrossEntropy(scores, classIndices(targets));
            case SVM_HINGE -> Losses.svmHinge(scores, classIndices(targets));
        };
    }

    private int[] classIndices(Tensor targets) {
        if (targets.rank() != 1) {
            throw new IllegalArgumentException(this + ": targets must be a vector of class indices, got shape "
                    + targets.shape());
        }
        int[] labels = new int[targets.size()];
        for (int i = 0; i < labels.length; i++) {
            double v = targets.getFlat(i);
            if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(this + ": target " + v + " at index " + i
                        + " is not a class index");
            }
            labels[i] = (int) v;
        }
        return labels;
    }
}
