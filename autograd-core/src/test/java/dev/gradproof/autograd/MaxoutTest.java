package dev.gradproof.autograd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Maxout, {@code max(x w1 + b1, x w2 + b2)}: values and gradients by hand, and the notes'
 * remark that ReLU is the special case {@code w1 = b1 = 0}.
 */
class MaxoutTest {

    @Test
    void maxoutRoutesEachRowToTheWinningAffineMap() {
        Variable x = Variable.leaf("x", Tensor.matrix(new double[][] {{1, 2}, {-1, 0.5}}));
        Variable w1 = Variable.leaf("w1", Tensor.matrix(new double[][] {{1}, {1}}));
        Variable b1 = Variable.leaf("b1", Tensor.vector(0));
        Variable w2 = Variable.leaf("w2", Tensor.matrix(new double[][] {{-1}, {1}}));
        Variable b2 = Variable.leaf("b2", Tensor.vector(0));
        Variable y = x.maxout(w1, b1, w2, b2);
        y.backward(Tensor.matrix(new double[][] {{2}, {5}}));

        // Map 1: (1 + 2, -1 + 0.5) = (3, -0.5); map 2: (-1 + 2, 1 + 0.5) = (1, 1.5).
        // Row 0 takes map 1, row 1 takes map 2.
        assertThat(y.value()).isEqualTo(Tensor.matrix(new double[][] {{3}, {1.5}}));
        assertThat(w1.grad()).isEqualTo(Tensor.matrix(new double[][] {{2}, {4}}));     // 2 * x row 0
        assertThat(b1.grad()).isEqualTo(Tensor.vector(2));
        assertThat(w2.grad()).isEqualTo(Tensor.matrix(new double[][] {{-5}, {2.5}}));  // 5 * x row 1
        assertThat(b2.grad()).isEqualTo(Tensor.vector(5));
        assertThat(x.grad()).isEqualTo(Tensor.matrix(new double[][] {{2, 2}, {-5, 5}}));
    }

    @Test
    void reluIsMaxoutWithTheFirstMapZero() {
        // Rows chosen so that x w2 + b2 is positive, negative and exactly 0 (the kink).
        Tensor xv = Tensor.matrix(new double[][] {{1, 2}, {-3, 1}, {1, 1}, {0.5, -2}});
        Tensor wv = Tensor.matrix(new double[][] {{1, -2}, {-1, 0.5}});
        Tensor bv = Tensor.vector(0, 0.25);
        Tensor upstream = Tensor.matrix(new double[][] {{1, 2}, {3, 4}, {5, 6}, {7, 8}});

        Variable x1 = Variable.leaf("x", xv);
        Variable w1 = Variable.leaf("w2", wv);
        Variable b1 = Variable.leaf("b2", bv);
        Variable maxout = x1.maxout(Variable.constant(Tensor.zeros(2, 2)), Variable.constant(Tensor.zeros(2)), w1, b1);
        maxout.backward(upstream);

        Variable x2 = Variable.leaf("x", xv);
        Variable w2 = Variable.leaf("w2", wv);
        Variable b2 = Variable.leaf("b2", bv);
        Variable relu = x2.matmul(w2).add(b2).relu();
        relu.backward(upstream);

        assertThat(relu.value().get(2, 0)).as("the kink is in the example").isEqualTo(0.0);
        for (Variable[] pair : List.of(
                new Variable[] {maxout, relu}, new Variable[] {x1, x2}, new Variable[] {w1, w2}, new Variable[] {b1, b2})) {
            Tensor viaMaxout = pair[0] == maxout ? maxout.value() : pair[0].grad();
            Tensor viaRelu = pair[1] == relu ? relu.value() : pair[1].grad();
            assertThat(viaMaxout.toArray()).as(pair[1].toString()).containsExactly(viaRelu.toArray(), within(0.0));
        }
    }
}
