package dev.gradproof.autograd;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.function.BinaryOperator;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every bad input gets a clear exception that names the operation and the offending shapes or
 * index, never a wrong number, a silent NaN or a pass.
 */
class BadInputTest {

    private static final Variable A23 = Variable.leaf("a", Tensor.ones(2, 3));
    private static final Variable B4 = Variable.leaf("b", Tensor.ones(4));

    private static void assertIllegalArgument(ThrowingCallable call, String... fragments) {
        assertThatThrownBy(call).isInstanceOf(IllegalArgumentException.class).hasMessageContainingAll(fragments);
    }

    // ------------------------------------------------------------------ binary elementwise ops

    static Stream<Arguments> binaryOps() {
        return OpCatalogue.binary().stream().map(c -> Arguments.of(c.name(), c.op()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("binaryOps")
    void binaryOpWithShapesThatDoNotBroadcastNamesTheOpAndBothShapes(String name, BinaryOperator<Variable> op) {
        assertIllegalArgument(() -> op.apply(A23, B4), name + ":", "[2, 3]", "[4]");
        assertIllegalArgument(() -> op.apply(B4, A23), name + ":", "[4]", "[2, 3]");
        Variable c32 = Variable.leaf(Tensor.ones(3, 2));
        assertIllegalArgument(() -> op.apply(A23, c32), name + ":", "[2, 3]", "[3, 2]");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("binaryOps")
    void binaryOpOnConstantsChecksShapesToo(String name, BinaryOperator<Variable> op) {
        Variable a = Variable.constant(Tensor.ones(2, 3));
        Variable b = Variable.constant(Tensor.ones(2, 2));
        assertIllegalArgument(() -> op.apply(a, b), name + ":", "[2, 3]", "[2, 2]");
    }

    // ------------------------------------------------------------------ matmul

    @Test
    void matmulWithDifferentInnerDimensionsNamesBothShapes() {
        Variable x = Variable.leaf(Tensor.ones(2, 3));
        Variable w = Variable.leaf(Tensor.ones(4, 5));
        assertThatThrownBy(() -> x.matmul(w)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("matmul: inner dimensions differ: [2, 3] @ [4, 5]");
    }

    @Test
    void matmulOfNonMatricesNamesBothShapes() {
        Variable v = Variable.leaf(Tensor.ones(3));
        Variable m = Variable.leaf(Tensor.ones(3, 2));
        Variable t = Variable.leaf(Tensor.ones(2, 3, 2));
        assertIllegalArgument(() -> v.matmul(m), "matmul", "[3]", "[3, 2]");
        assertIllegalArgument(() -> m.matmul(v), "matmul", "[3, 2]", "[3]");
        assertIllegalArgument(() -> t.matmul(m), "matmul", "[2, 3, 2]", "[3, 2]");
        assertIllegalArgument(() -> Variable.scalar("s", 1).matmul(m), "matmul", "[]", "[3, 2]");
    }

    // ------------------------------------------------------------------ shape ops

    @Test
    void reshapeToADifferentSizeNamesBothShapes() {
        assertIllegalArgument(() -> A23.reshape(4), "reshape", "[2, 3]", "[4]");
        assertIllegalArgument(() -> A23.reshape(7, 1), "reshape", "[2, 3]", "[7, 1]");
    }

    @ParameterizedTest(name = "axes {0}")
    @ValueSource(strings = {"0,0", "0,2", "1,1", "0", "0,1,2"})
    void permuteWithABadAxisListNamesTheAxesAndTheShape(String axesText) {
        int[] axes = Arrays.stream(axesText.split(",")).mapToInt(Integer::parseInt).toArray();
        assertIllegalArgument(() -> A23.permute(axes), "permute", Arrays.toString(axes), "[2, 3]");
    }

    @Test
    void broadcastToAndSumToShapeOfIncompatibleShapesNameBothShapes() {
        assertIllegalArgument(() -> A23.broadcastTo(Shape.of(2, 4)), "broadcastTo", "[2, 3]", "[2, 4]");
        assertIllegalArgument(() -> A23.broadcastTo(Shape.of(3)), "broadcastTo", "[2, 3]", "[3]");
        assertIllegalArgument(() -> A23.sumToShape(Shape.of(2)), "sumToShape", "[2]", "[2, 3]");
        assertIllegalArgument(() -> A23.sumToShape(Shape.of(4, 2, 3)), "sumToShape", "[4, 2, 3]", "[2, 3]");
    }

    @ParameterizedTest(name = "axis {0}")
    @ValueSource(ints = {2, 3, -3, -10})
    void sumAndMeanAlongAnAxisOutOfRangeNameTheOpTheAxisAndTheShape(int axis) {
        assertIllegalArgument(() -> A23.sum(axis, false), "sum", "axis " + axis, "[2, 3]");
        assertIllegalArgument(() -> A23.sum(axis, true), "sum", "axis " + axis, "[2, 3]");
        assertIllegalArgument(() -> A23.mean(axis, false), "mean", "axis " + axis, "[2, 3]");
        assertIllegalArgument(() -> A23.mean(axis, true), "mean", "axis " + axis, "[2, 3]");
    }

    @ParameterizedTest(name = "axis {0}")
    @ValueSource(ints = {2, -3})
    void axisOutOfRangeInSoftmaxAndTensorReductionsNamesTheOp(int axis) {
        assertIllegalArgument(() -> A23.softmax(axis), "softmax", "axis " + axis, "[2, 3]");
        assertIllegalArgument(() -> A23.logSoftmax(axis), "logSoftmax", "axis " + axis, "[2, 3]");
        assertIllegalArgument(() -> A23.value().sum(axis, false), "sum", "axis " + axis, "[2, 3]");
        assertIllegalArgument(() -> A23.value().max(axis, false), "max", "axis " + axis, "[2, 3]");
    }

    @Test
    void sumOfAScalarAlongAnyAxisIsOutOfRange() {
        assertIllegalArgument(() -> Variable.scalar("s", 1).sum(0, false), "sum", "axis 0", "[]");
    }

    @Test
    void meanOfAnEmptyTensorNamesTheShape() {
        Variable empty = Variable.leaf(Tensor.zeros(0, 3));
        assertIllegalArgument(empty::mean, "mean", "[0, 3]");
        assertIllegalArgument(() -> empty.mean(0, false), "mean", "[0, 3]");
    }

    // ------------------------------------------------------------------ backward

    @Test
    void backwardWithoutUpstreamOnANonScalarNamesTheShape() {
        Variable y = A23.mul(2.0);
        assertIllegalArgument(y::backward, "backward", "[2, 3]", "scalar");
    }

    @Test
    void backwardWithAnUpstreamOfTheWrongShapeNamesBothShapes() {
        Variable y = A23.mul(2.0);
        assertIllegalArgument(() -> y.backward(Tensor.ones(3, 2)), "backward", "[3, 2]", "[2, 3]");
        assertIllegalArgument(() -> y.backward(Tensor.ones(3)), "backward", "[3]", "[2, 3]");
        Variable s = A23.sum();
        assertIllegalArgument(() -> s.backward(Tensor.ones(1)), "backward", "[1]", "[]");
    }

    @Test
    void backwardOnAConstantIsRefused() {
        Variable c = Variable.constant(3.0);
        assertIllegalArgument(c::backward, "backward", "does not require grad");
        Variable computedFromConstants = c.mul(c);
        assertIllegalArgument(computedFromConstants::backward, "backward", "does not require grad");
    }

    @Test
    void gradWithRespectToAnInputThatDoesNotRequireGradNamesTheInput() {
        Variable x = Variable.scalar("x", 2);
        Variable c = Variable.constant("c", Tensor.scalar(3));
        Variable f = x.mul(c);
        assertIllegalArgument(() -> Autograd.grad(f, List.of(x, c), false), "grad", "input 1", "c", "does not require grad");
    }

    @Test
    void gradWithTheWrongNumberOfUpstreamsIsRefused() {
        Variable x = Variable.scalar("x", 2);
        Variable f = x.mul(x);
        assertIllegalArgument(() -> Autograd.grad(List.of(f), List.of(x),
                List.of(Variable.constant(1.0), Variable.constant(1.0)), false), "grad", "2 upstream", "1 output");
    }

    // ------------------------------------------------------------------ Tensor and Shape

    @Test
    void raggedNestedArrayNamesTheElementAndTheLengths() {
        double[][] ragged = {{1, 2, 3}, {4, 5}};
        assertIllegalArgument(() -> Tensor.matrix(ragged), "fromNested", "ragged", "element[1]", "length 2", "3");
        double[][][] deep = {{{1, 2}, {3, 4}}, {{5, 6}, {7}}};
        assertIllegalArgument(() -> Tensor.fromNested(deep), "ragged", "element[1][1]", "length 1", "2");
    }

    @Test
    void nullRowInANestedArrayNamesTheElement() {
        assertIllegalArgument(() -> Tensor.matrix(new double[][] {{1, 2}, null}), "fromNested", "element[1]", "null");
        assertIllegalArgument(() -> Tensor.matrix(new double[][] {null, {1, 2}}), "fromNested", "element[0]", "null");
        double[][][] deep = {{{1}, {2}}, {{3}, null}};
        assertIllegalArgument(() -> Tensor.fromNested(deep), "fromNested", "element[1][1]", "null");
    }

    @Test
    void nestedArrayOfTheWrongElementTypeIsRefused() {
        assertIllegalArgument(() -> Tensor.fromNested(new int[] {1, 2}), "fromNested", "double[]");
        assertIllegalArgument(() -> Tensor.fromNested("1.0"), "fromNested", "1.0");
        assertIllegalArgument(() -> Tensor.fromNested(null), "fromNested");
    }

    @Test
    void dataLengthNotMatchingTheShapeNamesBoth() {
        assertIllegalArgument(() -> Tensor.of(new double[5], 2, 3), "Tensor.of", "5 values", "[2, 3]", "6");
        assertIllegalArgument(() -> Tensor.of(new double[0]), "Tensor.of", "0 values", "[]");
    }

    @Test
    void negativeDimensionNamesItsIndex() {
        assertIllegalArgument(() -> Shape.of(2, -1), "[2, -1]", "dimension 1 is negative");
        assertIllegalArgument(() -> Tensor.zeros(-3), "[-3]", "dimension 0 is negative");
        assertIllegalArgument(() -> Tensor.randn(1L, 2, -2), "dimension 1 is negative");
    }

    @Test
    void shapeTooLargeIsRefused() {
        assertIllegalArgument(() -> Shape.of(1 << 16, 1 << 16), "more than 2^31-1 elements");
    }

    @Test
    void outOfRangeElementAccessNamesTheIndexTheShapeAndTheAxis() {
        Tensor t = Tensor.zeros(2, 3);
        assertThatThrownBy(() -> t.get(2, 0)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContainingAll("[2, 0]", "[2, 3]", "axis 0");
        assertThatThrownBy(() -> t.get(1, -1)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContainingAll("[1, -1]", "[2, 3]", "axis 1");
        assertThatThrownBy(() -> t.get(1)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContainingAll("[1]", "rank 1", "[2, 3]", "rank 2");
        assertThatThrownBy(() -> t.getFlat(6)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContainingAll("offset 6", "[2, 3]");
        assertThatThrownBy(() -> t.withFlat(-1, 0)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContainingAll("offset -1", "[2, 3]");
        assertThatThrownBy(() -> t.shape().index(6)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContainingAll("offset 6", "[2, 3]");
    }

    @Test
    void itemOfATensorWithManyElementsNamesTheShape() {
        assertThatThrownBy(() -> Tensor.zeros(2, 3).item()).isInstanceOf(IllegalStateException.class)
                .hasMessageContainingAll("item", "[2, 3]", "6 elements");
    }

    @Test
    void uniformWithAnEmptyRangeIsRefused() {
        assertIllegalArgument(() -> Tensor.uniform(1L, 2.0, 2.0, 3), "uniform", "2.0");
        assertIllegalArgument(() -> Tensor.uniform(1L, Double.NaN, 2.0, 3), "uniform", "NaN");
    }

    // ------------------------------------------------------------------ losses

    @Test
    void lossLabelsOutOfRangeNameTheLabelAndItsIndex() {
        Variable scores = Variable.leaf(Tensor.zeros(2, 3));
        for (String loss : List.of("softmaxCrossEntropy", "svmHinge")) {
            assertIllegalArgument(() -> loss(loss, scores, new int[] {0, 3}),
                    loss, "label 3", "index 1", "3 classes", "[2, 3]");
            assertIllegalArgument(() -> loss(loss, scores, new int[] {-1, 0}),
                    loss, "label -1", "index 0");
        }
    }

    @Test
    void lossWithTheWrongNumberOfLabelsNamesCountAndShape() {
        Variable scores = Variable.leaf(Tensor.zeros(2, 3));
        for (String loss : List.of("softmaxCrossEntropy", "svmHinge")) {
            assertIllegalArgument(() -> loss(loss, scores, new int[] {0, 1, 2}), loss, "3 labels", "[2, 3]");
            assertIllegalArgument(() -> loss(loss, scores, new int[] {0}), loss, "1 labels", "[2, 3]");
        }
    }

    @Test
    void lossOfNonMatrixScoresNamesTheShape() {
        for (String loss : List.of("softmaxCrossEntropy", "svmHinge")) {
            assertIllegalArgument(() -> loss(loss, Variable.leaf(Tensor.zeros(3)), new int[] {0}), loss, "[3]");
            assertIllegalArgument(() -> loss(loss, Variable.leaf(Tensor.zeros(1, 2, 3)), new int[] {0}),
                    loss, "[1, 2, 3]");
        }
    }

    @Test
    void lossOfAnEmptyBatchIsRefused() {
        for (String loss : List.of("softmaxCrossEntropy", "svmHinge")) {
            assertIllegalArgument(() -> loss(loss, Variable.leaf(Tensor.zeros(0, 3)), new int[0]), loss, "[0, 3]");
        }
    }

    private static Variable loss(String name, Variable scores, int[] labels) {
        return name.equals("svmHinge") ? Losses.svmHinge(scores, labels) : Losses.softmaxCrossEntropy(scores, labels);
    }

    @Test
    void sumSquaredErrorOfDifferentShapesNamesBoth() {
        assertIllegalArgument(() -> Losses.sumSquaredError(A23, Variable.constant(Tensor.zeros(3, 2))),
                "sumSquaredError", "[2, 3]", "[3, 2]");
        assertIllegalArgument(() -> Losses.sumSquaredError(A23, Variable.constant(Tensor.zeros(3))),
                "sumSquaredError", "[2, 3]", "[3]");
    }

    @Test
    void l2WithoutWeightsIsRefused() {
        assertIllegalArgument(() -> Losses.l2(0.1), "l2", "no weights");
    }
}
