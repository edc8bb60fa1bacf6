package dev.gradproof.autograd;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Batched matrix products, transpose(dim0, dim1) and the losses' reductions, with values and gradients worked by hand. */
class BatchedMatMulAndTransposeTest {

    private static final double[] X = {1, 2, 3, 4, 5, 6, 7, 8}; // [[1, 2], [3, 4]], [[5, 6], [7, 8]]

    @Test
    void aBatchTimesOneMatrixMultipliesEachAndSumsTheWeightGradientOverTheBatch() {
        Variable x = Variable.leaf("x", Tensor.of(X, 2, 2, 2));
        Variable w = Variable.leaf("w", Tensor.of(new double[] {1, 0, 0, 2}, 2, 2));
        Variable y = x.matmul(w);
        assertThat(y.value().dims()).containsExactly(2, 2, 2);
        assertThat(y.value().toArray()).containsExactly(1, 4, 3, 8, 5, 12, 7, 16);
        y.sum().backward();
        // dx = ones @ w^T: every row [1, 2]; dw = sum_b x_b^T @ ones = [[4, 4], [6, 6]] + [[12, 12], [14, 14]]
        assertThat(x.grad().toArray()).containsExactly(1, 2, 1, 2, 1, 2, 1, 2);
        assertThat(w.grad().toArray()).containsExactly(16, 16, 20, 20);
    }

    @Test
    void aBatchTimesABatchMultipliesElementByElementOfTheBatch() {
        Variable x = Variable.leaf("x", Tensor.of(X, 2, 2, 2));
        Variable w = Variable.leaf("w", Tensor.of(new double[] {1, 0, 0, 1, 2, 0, 0, 2}, 2, 2, 2));
        Variable y = x.matmul(w);
        assertThat(y.value().toArray()).containsExactly(1, 2, 3, 4, 10, 12, 14, 16);
        y.sum().backward();
        assertThat(x.grad().toArray()).containsExactly(1, 1, 1, 1, 2, 2, 2, 2);
        assertThat(w.grad().toArray()).containsExactly(4, 4, 6, 6, 12, 12, 14, 14);
    }

    @Test
    void transposeSwapsTwoAxesAndItsGradientSwapsThemBack() {
        Variable x = Variable.leaf("x", Tensor.of(new double[] {1, 2, 3, 4, 5, 6}, 2, 1, 3));
        Variable t = x.transpose(0, 2);
        assertThat(t.value().dims()).containsExactly(3, 1, 2);
        assertThat(t.value().toArray()).containsExactly(1, 4, 2, 5, 3, 6);
        t.mul(Variable.constant("c", Tensor.of(new double[] {1, 2, 3, 4, 5, 6}, 3, 1, 2))).sum().backward();
        // d/dx[i, 0, j] = c[j, 0, i]
        assertThat(x.grad().toArray()).containsExactly(1, 3, 5, 2, 4, 6);
    }

    @Test
    void badShapesAndAxesAreNamed() {
        Variable x = Variable.leaf("x", Tensor.of(X, 2, 2, 2));
        assertThatThrownBy(() -> x.matmul(Variable.leaf("w", Tensor.zeros(Shape.of(3, 2, 2)))))
                .hasMessage("matmul: batch sizes differ: [2, 2, 2] @ [3, 2, 2]");
        assertThatThrownBy(() -> x.matmul(Variable.leaf("w", Tensor.zeros(Shape.of(3, 1)))))
                .hasMessage("matmul: inner dimensions differ: [2, 2, 2] @ [3, 1]");
        assertThatThrownBy(() -> Variable.leaf("v", Tensor.zeros(Shape.of(2))).matmul(x))
                .hasMessageStartingWith("matmul: expected [m, k] @ [k, n], [B, m, k] @ [k, n] or [B, m, k] @ [B, k, n], got [2] @");
        assertThatThrownBy(() -> x.transpose(0, 3)).hasMessage("transpose: axis 3 is out of range for shape [2, 2, 2]");
    }

    @Test
    void aSummedLossIsTheBatchSizeTimesTheAveragedOne() {
        Tensor scores = Tensor.of(new double[] {2, 1, 0.5, 0.3, -0.4, 1.2}, 2, 3);
        int[] labels = {0, 2};
        for (boolean hinge : new boolean[] {false, true}) {
            Variable mean = hinge ? Losses.svmHinge(Variable.constant(scores), labels)
                    : Losses.softmaxCrossEntropy(Variable.constant(scores), labels);
            Variable sum = hinge ? Losses.svmHinge(Variable.constant(scores), labels, Reduction.SUM)
                    : Losses.softmaxCrossEntropy(Variable.constant(scores), labels, Reduction.SUM);
            // a sum of two terms is exactly twice their mean up to one rounding of the division
            assertThat(sum.value().item()).isCloseTo(2 * mean.value().item(), org.assertj.core.api.Assertions.within(1e-15));
        }
        // hinge, row 0 (label 0): max(0, 1 - 2 + 1) + max(0, 0.5 - 2 + 1) = 0; row 1 (label 2):
        // max(0, 0.3 - 1.2 + 1) + max(0, -0.4 - 1.2 + 1) = 0.1
        assertThat(Losses.svmHinge(Variable.constant(scores), labels, Reduction.SUM).value().item())
                .isCloseTo(0.1, org.assertj.core.api.Assertions.within(1e-15));
        Variable p = Variable.leaf("p", Tensor.of(new double[] {1, 2, 3, 4}, 4));
        Variable t = Variable.constant(Tensor.of(new double[] {1, 1, 1, 1}, 4));
        Variable mse = Losses.sumSquaredError(p, t, Reduction.MEAN);
        assertThat(mse.value().item()).isEqualTo((0 + 1 + 4 + 9) / 4.0);
        mse.backward();
        assertThat(p.grad().toArray()).containsExactly(0, 0.5, 1, 1.5); // 2 (p - t) / 4
        assertThatThrownBy(() -> Losses.sumSquaredError(Variable.leaf("e", Tensor.zeros(Shape.of(0))),
                Variable.constant(Tensor.zeros(Shape.of(0))), Reduction.MEAN))
                .hasMessage("sumSquaredError: no elements to average in shape [0]");
    }
}
