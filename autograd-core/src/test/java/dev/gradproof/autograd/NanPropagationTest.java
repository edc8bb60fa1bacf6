package dev.gradproof.autograd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradproof.autograd.OpCatalogue.UnaryOpCase;
import java.util.List;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A NaN input propagates as NaN through every op, in the value and in the gradient: no exception
 * and no silent fix. Only the NaN element is affected; the elements beside it stay finite. Kinked
 * ops record branch -1 for a NaN element.
 *
 * <p>One exception is deliberate and documented by IEEE 754 and {@link Math#pow}: {@code pow(x, 0)}
 * is 1 for every x, NaN included, so {@code pow(0)} is not in this test.
 */
class NanPropagationTest {

    private static final double NAN = Double.NaN;

    /** Ops whose local gradient is a constant: at a NaN input they pass the upstream on scaled. */
    private static final List<String> LINEAR = List.of("neg", "addConstant(2.5)", "mulConstant(-1.75)", "pow(1.0)");

    static Stream<UnaryOpCase> unaryOps() {
        return OpCatalogue.unary().stream().filter(c -> !c.name().equals("pow(0.0)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unaryOps")
    void unaryOpPropagatesNanInValueAndGradient(UnaryOpCase c) {
        double finite = c.points()[c.points().length - 1];
        Variable x = Variable.leaf("x", Tensor.vector(NAN, finite));
        Variable y = c.op().apply(x);

        assertThat(y.value().getFlat(0)).as("value at the NaN").isNaN();
        assertThat(y.value().getFlat(1)).as("value beside it").isFinite();

        y.square().sum().backward();
        assertThat(x.grad().getFlat(0)).as("gradient at the NaN, through a use of the value").isNaN();
        assertThat(x.grad().getFlat(1)).as("gradient beside it").isFinite();

        Variable localGradient = Autograd.grad(y, List.of(x), Variable.constant(Tensor.ones(2)), false).get(0);
        if (LINEAR.contains(c.name())) {
            assertThat(localGradient.value().getFlat(0)).as("a constant local gradient").isFinite();
        } else {
            assertThat(localGradient.value().getFlat(0)).as("the local gradient at the NaN").isNaN();
        }
        assertThat(localGradient.value().getFlat(1)).isFinite();
    }

    @Test
    void powZeroOfNanIsOneAsInIeee754() {
        // Documents the one deliberate exception above: Math.pow(NaN, 0) == 1.
        assertThat(Variable.leaf(Tensor.vector(NAN)).pow(0).value()).isEqualTo(Tensor.vector(1));
    }

    static Stream<Arguments> binaryOpsAndSides() {
        Stream<Arguments> ops = Stream.concat(
                OpCatalogue.binary().stream().map(c -> Arguments.of(c.name(), c.op())),
                Stream.of(Arguments.of("matmul",
                        (BinaryOperator<Variable>) (a, b) -> a.reshape(1, 2).matmul(b.reshape(2, 1)))));
        return ops.flatMap(a -> Stream.of(
                Arguments.of(a.get()[0], a.get()[1], 0), Arguments.of(a.get()[0], a.get()[1], 1)));
    }

    @ParameterizedTest(name = "{0} with NaN in argument {2}")
    @MethodSource("binaryOpsAndSides")
    void binaryOpPropagatesNanFromEitherSide(String name, BinaryOperator<Variable> op, int side) {
        // The other operand is 0 where it meets the NaN: 0 * NaN must stay NaN (no shortcut on zeros).
        Variable a = Variable.leaf("a", side == 0 ? Tensor.vector(NAN, 2) : Tensor.vector(0, 2));
        Variable b = Variable.leaf("b", side == 1 ? Tensor.vector(NAN, 3) : Tensor.vector(0, 3));
        Variable y = op.apply(a, b);
        assertThat(y.value().hasNaN()).as("value").isTrue();
        if (!name.equals("matmul")) {
            assertThat(y.value().getFlat(0)).isNaN();
            assertThat(y.value().getFlat(1)).as("value beside the NaN").isFinite();
        }
        y.square().sum().backward();
        assertThat(a.grad().getFlat(0)).as("gradient of a at the NaN").isNaN();
        assertThat(b.grad().getFlat(0)).as("gradient of b at the NaN").isNaN();
    }

    @Test
    void matmulBackwardKeepsNanFromTheUpstreamWhereTheOtherFactorIsZero() {
        Variable x = Variable.leaf("x", Tensor.matrix(new double[][] {{0, 1}}));
        Variable w = Variable.leaf("w", Tensor.matrix(new double[][] {{2}, {3}}));
        x.matmul(w).backward(Tensor.matrix(new double[][] {{NAN}}));
        assertThat(x.grad().toArray()).containsOnly(NAN);
        assertThat(w.grad().toArray()).as("dL/dw = x^T NaN, with x[0] = 0").containsOnly(NAN);
    }

    static List<Arguments> reductions() {
        return List.of(
                // Sums are linear, their local gradient is a constant: the square makes the gradient use the value.
                Arguments.of("sum", (UnaryOperator<Variable>) v -> v.sum().square()),
                Arguments.of("mean", (UnaryOperator<Variable>) v -> v.mean().square()),
                Arguments.of("sum along axis 1", (UnaryOperator<Variable>) v -> v.sum(1, false).square().sum()),
                Arguments.of("mean along axis 0", (UnaryOperator<Variable>) v -> v.mean(0, true).square().sum()),
                Arguments.of("softmax", (UnaryOperator<Variable>) v -> v.softmax(1).mul(v).sum()),
                Arguments.of("logSoftmax", (UnaryOperator<Variable>) v -> v.logSoftmax(1).sum()),
                Arguments.of("softmaxCrossEntropy", (UnaryOperator<Variable>) v -> Losses.softmaxCrossEntropy(v, new int[] {0, 1})),
                Arguments.of("svmHinge", (UnaryOperator<Variable>) v -> Losses.svmHinge(v, new int[] {0, 1})),
                Arguments.of("l2", (UnaryOperator<Variable>) v -> Losses.l2(0.5, v)),
                Arguments.of("sumSquaredError", (UnaryOperator<Variable>) v -> Losses.sumSquaredError(v, Variable.constant(Tensor.ones(2, 2)))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reductions")
    void reductionsAndLossesPropagateNan(String name, UnaryOperator<Variable> f) {
        Variable x = Variable.leaf("x", Tensor.matrix(new double[][] {{NAN, 1}, {2, 3}}));
        Variable loss = f.apply(x);
        assertThat(loss.value().item()).as("value").isNaN();
        loss.backward();
        assertThat(x.grad().getFlat(0)).as("gradient at the NaN").isNaN();
    }

    static List<Arguments> kinkedOps() {
        return List.of(
                Arguments.of("relu", (UnaryOperator<Variable>) Variable::relu),
                Arguments.of("leakyRelu", (UnaryOperator<Variable>) Variable::leakyRelu),
                Arguments.of("elu", (UnaryOperator<Variable>) v -> v.elu(0.5)),
                Arguments.of("abs", (UnaryOperator<Variable>) Variable::abs),
                Arguments.of("maximum", (UnaryOperator<Variable>) v -> v.maximum(Variable.constant(Tensor.vector(0, 0, 0)))),
                Arguments.of("minimum", (UnaryOperator<Variable>) v -> Variable.constant(Tensor.vector(0, 0, 0)).minimum(v)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinkedOps")
    void kinkedOpsRecordBranchMinusOneForNan(String name, UnaryOperator<Variable> op) {
        Variable x = Variable.leaf("x", Tensor.vector(-2, NAN, 3));
        Variable y = op.apply(x);
        KinkedOp kinked = (KinkedOp) y.creator().orElseThrow();
        assertThat(kinked.name()).isEqualTo(name);
        assertThat(kinked.branches()[1]).isEqualTo(-1);
        assertThat(kinked.branches()[0]).isNotEqualTo(-1);
        assertThat(kinked.branches()[2]).isNotEqualTo(-1);
        assertThat(y.value().getFlat(1)).isNaN();
    }
}
