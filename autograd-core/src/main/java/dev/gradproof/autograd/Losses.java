package dev.gradproof.autograd;

/**
 * The losses of the lecture notes, each a composite of differentiable ops (no backward code of its
 * own). Scores are {@code [N, C]} matrices, one row per example; labels are class indices.
 */
public final class Losses {

    private Losses() {
    }

    /**
     * Softmax cross-entropy over class indices, averaged over the batch:
     * {@code L = -(1/N) sum_i log softmax(s_i)[y_i]}. Built on the stable log-softmax, so it is
     * finite for logits of +-1000.
     *
     * @throws IllegalArgumentException naming the shape or the bad label and its index
     */
    public static Variable softmaxCrossEntropy(Variable scores, int[] labels) {
        return softmaxCrossEntropy(scores, labels, Reduction.MEAN);
    }

    /**
     * Softmax cross-entropy over class indices, averaged over the batch ({@link Reduction#MEAN}) or
     * summed ({@link Reduction#SUM}): {@code -sum_i log softmax(s_i)[y_i]}.
     *
     * @throws IllegalArgumentException naming the shape or the bad label and its index
     */
    public static Variable softmaxCrossEntropy(Variable scores, int[] labels, Reduction reduction) {
        labels = checkLabels("softmaxCrossEntropy", scores, labels);
        try (Scope ignored = Op.composite("softmaxCrossEntropy")) {
            Variable picked = PickColumns.apply(scores.logSoftmax(1), labels);
            return (reduction == Reduction.MEAN ? picked.mean() : picked.sum()).neg();
        }
    }

    /**
     * The multiclass SVM (hinge) loss with margin 1, as in the notes:
     * {@code L = (1/N) sum_i sum_{j != y_i} max(0, s_j - s_{y_i} + 1)}. The kink at a margin of
     * exactly 0 takes subgradient 0 (it is a ReLU; a checker sees it as {@code svmHinge/relu}).
     *
     * @throws IllegalArgumentException naming the shape or the bad label and its index
     */
    public static Variable svmHinge(Variable scores, int[] labels) {
        return svmHinge(scores, labels, Reduction.MEAN);
    }

    /**
     * The multiclass SVM (hinge) loss with margin 1, averaged over the batch ({@link Reduction#MEAN})
     * or summed ({@link Reduction#SUM}).
     *
     * @throws IllegalArgumentException naming the shape or the bad label and its index
     */
    public static Variable svmHinge(Variable scores, int[] labels, Reduction reduction) {
        labels = checkLabels("svmHinge", scores, labels);
        int n = labels.length;
        try (Scope ignored = Op.composite("svmHinge")) {
            Variable correct = PickColumns.apply(scores, labels).reshape(n, 1);
            Variable margins = scores.sub(correct).add(1.0).relu();
            // the j = y_i terms are max(0, 1) = 1; the notes' sum leaves them out
            Variable others = Variable.constant(Tensor.ones(scores.shape()))
                    .sub(ScatterColumns.apply(Variable.constant(Tensor.ones(n)), labels, scores.shape().dim(1)));
            Variable total = margins.mul(others).sum();
            return reduction == Reduction.MEAN ? total.div(Variable.constant(n)) : total;
        }
    }

    /** L2 regularization {@code lambda * sum_k W_k^2} over all elements of all the given weights. */
    public static Variable l2(double lambda, Variable... weights) {
        if (weights.length == 0) {
            throw new IllegalArgumentException("l2: no weights given");
        }
        try (Scope ignored = Op.composite("l2")) {
            Variable total = weights[0].square().sum();
            for (int i = 1; i < weights.length; i++) {
                total = total.add(weights[i].square().sum());
            }
            return total.mul(lambda);
        }
    }

    /**
     * The sum of squared errors {@code sum (prediction - target)^2}, the loss of the notes'
     * 20-line network.
     *
     * @throws IllegalArgumentException naming both shapes when they differ
     */
    public static Variable sumSquaredError(Variable prediction, Variable target) {
        return sumSquaredError(prediction, target, Reduction.SUM);
    }

    /**
     * The squared errors {@code (prediction - target)^2} summed ({@link Reduction#SUM}, the notes'
     * loss) or averaged over the elements ({@link Reduction#MEAN}, the mean squared error).
     *
     * @throws IllegalArgumentException naming both shapes when they differ, or when a mean has no
     *     elements to average
     */
    public static Variable sumSquaredError(Variable prediction, Variable target, Reduction reduction) {
        if (reduction == Reduction.MEAN && prediction.shape().size() == 0) {
            throw new IllegalArgumentException("sumSquaredError: no elements to average in shape " + prediction.shape());
        }
        if (!prediction.shape().equals(target.shape())) {
            throw new IllegalArgumentException("sumSquaredError: prediction shape " + prediction.shape()
                    + " differs from target shape " + target.shape());
        }
        try (Scope ignored = Op.composite("sumSquaredError")) {
            Variable squares = prediction.sub(target).square();
            return reduction == Reduction.SUM ? squares.sum() : squares.mean();
        }
    }

    /**
     * Checks scores {@code [N, C]} with {@code N > 0} against one label in {@code [0, C)} per row, and
     * returns a copy of the labels that the graph can keep (the caller may reuse its array).
     */
    private static int[] checkLabels(String loss, Variable scores, int[] labels) {
        Shape shape = scores.shape();
        if (shape.rank() != 2) {
            throw new IllegalArgumentException(loss + ": scores must be an [N, C] matrix, got shape " + shape);
        }
        int n = shape.dim(0);
        int classes = shape.dim(1);
        if (labels.length != n) {
            throw new IllegalArgumentException(loss + ": " + labels.length + " labels for scores of shape "
                    + shape + " (" + n + " examples)");
        }
        if (n == 0) {
            throw new IllegalArgumentException(loss + ": no examples in scores of shape " + shape);
        }
        for (int i = 0; i < n; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException(loss + ": label " + labels[i] + " at index " + i
                        + " is out of range for " + classes + " classes (scores " + shape + ")");
            }
        }
        return labels.clone();
    }
}
