package dev.gradproof.gradcheck.catalogue;

import dev.gradproof.autograd.Losses;
import dev.gradproof.autograd.Reduction;
import dev.gradproof.autograd.Tensor;
import dev.gradproof.autograd.Variable;
import dev.gradproof.gradcheck.catalogue.SampleSet.In;
import dev.gradproof.gradcheck.catalogue.SampleSet.Target;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;

/** The losses of the notes: softmax cross-entropy, the SVM hinge loss, L2 regularization, the sum of squared errors. */
final class LossSpecs {

    /** The hinge's kink, in both of its reductions. */
    private static final List<Kink> HINGE_KINKS =
            List.of(new Kink("svmHinge/relu", "a margin s_j - s_y + 1 = 0 (subgradient 0)"));

    private LossSpecs() {
    }

    static List<Spec> all() {
        return List.of(
                classification("softmaxCrossEntropy", "Losses.softmaxCrossEntropy(Variable, int[])", List.of(),
                        Losses::softmaxCrossEntropy),
                classification("svmHinge", "Losses.svmHinge(Variable, int[])",
                        HINGE_KINKS, Losses::svmHinge),
                classification("softmaxCrossEntropy(sum)", "Losses.softmaxCrossEntropy(Variable, int[], Reduction)",
                        List.of(), (s, l) -> Losses.softmaxCrossEntropy(s, l, Reduction.SUM)),
                classification("svmHinge(sum)", "Losses.svmHinge(Variable, int[], Reduction)",
                        HINGE_KINKS,
                        (s, l) -> Losses.svmHinge(s, l, Reduction.SUM)),
                l2(),
                sumSquaredError("sumSquaredError", "Losses.sumSquaredError(Variable, Variable)", Reduction.SUM),
                sumSquaredError("sumSquaredError(mean)", "Losses.sumSquaredError(Variable, Variable, Reduction)",
                        Reduction.MEAN));
    }

    /** A loss of scores [N, C] against class labels: batch sizes, one class, magnitudes, and its tricky point. */
    private static Spec classification(String name, String member, List<Kink> kinks,
                                       BiFunction<Variable, int[], Variable> loss) {
        boolean hinge = !kinks.isEmpty();
        String domain = "scores [N, C] with N, C >= 1; labels in [0, C)";
        return new Spec(name, 1, domain, kinks, List.of(member), set -> {
            Random r = set.random();
            int[][] sizes = {{4, 3}, {1, 2}, {3, 5}, {2, 1}};
            for (int[] s : sizes) {
                int[] labels = Values.labels(r, s[0], s[1]);
                set.add("labels " + Arrays.toString(labels), with(name, loss, labels), In.of("scores", Values.uniform(r, -3, 3, s)));
            }
            int[] labels = Values.labels(r, 2, 3);
            // cross-entropy: scores far from 0 within a few units of each other (see the softmax spec's domain)
            Tensor large = hinge ? Values.magnitudes(r, 10, 100, true, 2, 3)
                    : Values.uniform(r, -3, 3, 2, 3).plus(Values.magnitudes(r, 1e2, 1e4, true, 2, 1));
            set.add("large scores, labels " + Arrays.toString(labels), with(name, loss, labels), In.of("scores", large));
            set.add("tiny scores, labels " + Arrays.toString(labels), with(name, loss, labels),
                    In.of("scores", Values.magnitudes(r, 1e-9, 1e-6, true, 2, 3)));
            set.add("widely spread scores (from -50 to 0), labels " + Arrays.toString(labels), with(name, loss, labels),
                    In.of("scores", Values.uniform(r, -50, 0, 2, 3)));
            if (hinge) {
                // row 0 has label 0 and scores placing class j's margin s_j - s_0 + 1 at 0 plus the NEAR offsets
                Tensor near = Values.around(0, 1, 4).plus(Tensor.vector(1, 0, 0, 0)).minus(Tensor.vector(1, 1, 1, 1));
                set.add("margins at and near 0, label 0", with(name, loss, new int[] {0}), In.of("scores", near));
                set.tricky("a margin exactly 0: s_1 - s_0 + 1 = 1 - 2 + 1", with(name, loss, new int[] {0, 2}),
                        In.of("scores", Tensor.matrix(new double[][] {{2, 1, 0.5}, {0.3, -0.4, 1.2}})));
            } else {
                set.tricky("logits +-1000, the correct class at -1000 (loss 2000)", with(name, loss, new int[] {1, 0}),
                        In.of("scores", ActivationSpecs.EXTREME_LOGITS));
            }
        });
    }

    private static Target with(String name, BiFunction<Variable, int[], Variable> loss, int[] labels) {
        return Target.of(v -> loss.apply(v.get(0), labels), SampleCall.withInts(name, labels));
    }

    /** {@code lambda sum_k W_k^2} over one, two and three weights, lambda 0 and large, and one weight given twice. */
    private static Spec l2() {
        return new Spec("l2", OpSpec.VARIADIC, "lambda any real; one or more weights of any shape", List.of(),
                List.of("Losses.l2(double, Variable[])"), set -> {
                    Random r = set.random();
                    set.add("one weight, lambda 0.1", l2(0.1, 1), In.of("w", Values.uniform(r, -2, 2, 3, 4)));
                    set.add("two weights, lambda 1e-3", l2(1e-3, 2), In.of("w1", Values.uniform(r, -2, 2, 3, 4)),
                            In.of("w2", Values.uniform(r, -2, 2, 4)));
                    set.add("three weights with a scalar and rank 3, lambda 0.5", l2(0.5, 3), In.of("w1", Values.uniform(r, -2, 2)),
                            In.of("w2", Values.uniform(r, -2, 2, 2, 2, 3)), In.of("w3", Values.uniform(r, -2, 2, 5)));
                    set.add("lambda 0: the gradient is exactly 0", l2(0, 1), In.of("w", Values.uniform(r, -2, 2, 2, 3)));
                    set.add("zero-size weight beside a matrix, lambda 0.1", l2(0.1, 2), In.of("w1", Values.uniform(r, -2, 2, 0, 3)),
                            In.of("w2", Values.uniform(r, -2, 2, 2, 3)));
                    set.add("large weights, lambda 1e3", l2(1e3, 1), In.of("w", Values.magnitudes(r, 1e2, 1e4, true, 2, 3)));
                    set.add("tiny weights, lambda 1e-3", l2(1e-3, 1), In.of("w", Values.magnitudes(r, 1e-9, 1e-6, true, 2, 3)));
                    set.tricky("one weight given twice, l2(0.1, w, w) (the gradients add at the fork)",
                            Target.of(v -> Losses.l2(0.1, v.get(0), v.get(0)), SampleCall.withScalar("l2", 0.1, 1).onInputs(0, 0)),
                            In.of("w", Values.uniform(r, -2, 2, 3, 4)));
                });
    }

    private static Target l2(double lambda, int weights) {
        return Target.of(v -> Losses.l2(lambda, v.subList(0, weights).toArray(new Variable[0])),
                SampleCall.withScalar("l2", lambda, weights));
    }

    /**
     * {@code (prediction - target)^2} summed or averaged, in every rank, zero size (for a sum),
     * magnitudes, and a perfect prediction.
     */
    private static Spec sumSquaredError(String name, String member, Reduction reduction) {
        boolean sum = reduction == Reduction.SUM;
        return new Spec(name, 2, "prediction and target of one shape" + (sum ? "" : ", at least one element"), List.of(),
                List.of(member), set -> {
                    Random r = set.random();
                    Target t = Target.of(v -> Losses.sumSquaredError(v.get(0), v.get(1), reduction), SampleCall.of(name, 2));
                    int[][] shapes = sum ? new int[][] {{}, {5}, {3, 2}, {2, 2, 3}, {0, 2}} : new int[][] {{}, {5}, {3, 2}, {2, 2, 3}};
                    for (int[] shape : shapes) {
                        set.add(ShapeSpecs.rankName(shape), t, In.of("prediction", Values.uniform(r, -3, 3, shape)),
                                In.of("target", Values.uniform(r, -3, 3, shape)));
                    }
                    set.add("large magnitudes", t, In.of("prediction", Values.magnitudes(r, 1e3, 1e6, true, 2, 3)),
                            In.of("target", Values.magnitudes(r, 1e3, 1e6, true, 2, 3)));
                    set.add("tiny magnitudes", t, In.of("prediction", Values.magnitudes(r, 1e-9, 1e-6, true, 2, 3)),
                            In.of("target", Values.magnitudes(r, 1e-9, 1e-6, true, 2, 3)));
                    Tensor same = Values.uniform(r, -3, 3, 3, 2);
                    set.tricky("a perfect prediction: the residual and the gradient are exactly 0", t,
                            In.of("prediction", same), In.of("target", same));
                });
    }
}
