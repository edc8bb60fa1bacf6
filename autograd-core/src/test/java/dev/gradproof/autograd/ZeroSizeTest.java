package dev.gradproof.autograd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Zero-size dimensions are legal: ops on a [0, 3] tensor work and give [0, 3] gradients. */
class ZeroSizeTest {

    private static final Tensor EMPTY = Tensor.zeros(0, 3);

    static List<Arguments> shapePreservingOps() {
        return List.of(
                Arguments.of("relu", (UnaryOperator<Variable>) Variable::relu),
                Arguments.of("exp", (UnaryOperator<Variable>) Variable::exp),
                Arguments.of("sigmoid", (UnaryOperator<Variable>) Variable::sigmoid),
                Arguments.of("gelu", (UnaryOperator<Variable>) Variable::gelu),
                Arguments.of("mul itself", (UnaryOperator<Variable>) v -> v.mul(v)),
                Arguments.of("add a row", (UnaryOperator<Variable>) v -> v.add(Variable.constant(Tensor.vector(1, 2, 3)))),
                Arguments.of("maximum with a scalar", (UnaryOperator<Variable>) v -> v.maximum(Variable.constant(0))),
                Arguments.of("softmax", (UnaryOperator<Variable>) v -> v.softmax(1)),
                Arguments.of("logSoftmax along the empty axis", (UnaryOperator<Variable>) v -> v.logSoftmax(0)),
                Arguments.of("transpose twice", (UnaryOperator<Variable>) v -> v.transpose().transpose()),
                Arguments.of("reshape to [3, 0] and back", (UnaryOperator<Variable>) v -> v.reshape(3, 0).reshape(0, 3)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapePreservingOps")
    void opsOnAnEmptyTensorWorkAndGiveEmptyGradients(String name, UnaryOperator<Variable> op) {
        Variable x = Variable.leaf("x", EMPTY);
        Variable y = op.apply(x);
        assertThat(y.shape()).isEqualTo(Shape.of(0, 3));
        y.backward(EMPTY);
        assertThat(x.grad()).isEqualTo(EMPTY);
    }

    @Test
    void sumOfAnEmptyTensorIsZero() {
        Variable x = Variable.leaf("x", EMPTY);
        Variable s = x.sum();
        s.backward();
        assertThat(s.value()).isEqualTo(Tensor.scalar(0));
        assertThat(x.grad()).isEqualTo(EMPTY);
        assertThat(EMPTY.sum()).isEqualTo(Tensor.scalar(0));
    }

    @Test
    void sumsAlongAxesOfAnEmptyTensor() {
        Variable x = Variable.leaf("x", EMPTY);
        Variable alongEmpty = x.sum(0, false);
        assertThat(alongEmpty.value()).isEqualTo(Tensor.zeros(3));
        alongEmpty.backward(Tensor.vector(1, 2, 3));
        assertThat(x.grad()).isEqualTo(EMPTY);

        Variable alongFull = Variable.leaf("y", EMPTY).mean(1, true);
        assertThat(alongFull.shape()).isEqualTo(Shape.of(0, 1));
    }

    @Test
    void emptyBroadcastOperandGetsAGradientOfZeros() {
        Variable x = Variable.leaf("x", EMPTY);
        Variable row = Variable.leaf("row", Tensor.vector(1, 2, 3));
        x.add(row).backward(EMPTY);
        assertThat(row.grad()).isEqualTo(Tensor.zeros(3));
    }

    @Test
    void matmulWithZeroSizeDimensions() {
        Variable x = Variable.leaf("x", EMPTY);
        Variable w = Variable.leaf("w", Tensor.ones(3, 2));
        Variable y = x.matmul(w);
        assertThat(y.shape()).isEqualTo(Shape.of(0, 2));
        y.backward(Tensor.zeros(0, 2));
        assertThat(x.grad()).isEqualTo(EMPTY);
        assertThat(w.grad()).isEqualTo(Tensor.zeros(3, 2));

        // An empty inner dimension: [2, 0] @ [0, 3] is a [2, 3] matrix of zeros.
        Variable a = Variable.leaf("a", Tensor.zeros(2, 0));
        Variable b = Variable.leaf("b", Tensor.zeros(0, 3));
        Variable ab = a.matmul(b);
        assertThat(ab.value()).isEqualTo(Tensor.zeros(2, 3));
        ab.backward(Tensor.ones(2, 3));
        assertThat(a.grad()).isEqualTo(Tensor.zeros(2, 0));
        assertThat(b.grad()).isEqualTo(Tensor.zeros(0, 3));
    }

    @Test
    void emptyTensorsPrintAndCompare() {
        assertThat(EMPTY.toString()).isEqualTo("[]");
        assertThat(Tensor.zeros(2, 0).toString()).isEqualTo("[[], []]");
        assertThat(Tensor.vector().shape()).isEqualTo(Shape.of(0));
        assertThat(EMPTY).isEqualTo(Tensor.ones(0, 3)).isNotEqualTo(Tensor.zeros(3, 0));
        assertThat(Graph.topologicalOrder(List.of(Variable.leaf(EMPTY).relu()))).hasSize(2);
    }
}
