package dev.gradproof.gradcheck.catalogue;

import dev.gradproof.autograd.Op;
import dev.gradproof.autograd.Shape;
import dev.gradproof.autograd.Tensor;
import dev.gradproof.autograd.Variable;
import dev.gradproof.autograd.nn.Activation;
import dev.gradproof.autograd.nn.Loss;
import dev.gradproof.autograd.nn.Network;
import dev.gradproof.autograd.nn.Parameter;
import dev.gradproof.gradcheck.GradCheck;
import dev.gradproof.gradcheck.model.GradCheckResult;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.gradproof.gradcheck.assertj.GradProofAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The adapter that checks nn modules through the parameters they own gives exactly the gradients a
 * user gets from {@code loss.backward()}, and hides no error: a wrong first or second derivative of a
 * module still fails.
 */
class ModuleFunctionTest {

    @Test
    void itsGradientsAreTheOnesLossBackwardLeavesInTheParameters() {
        Network net = Network.builder(3).layer(4, Activation.TANH).layer(2, Activation.IDENTITY)
                .loss(Loss.SOFTMAX_CROSS_ENTROPY).l2(0.1).seed(5).build();
        Tensor x = Tensor.randn(6, 5, 3);
        Tensor labels = Tensor.vector(0, 1, 1, 0, 1);
        net.loss(x, labels).backward();
        List<Parameter> parameters = net.parameters();
        List<Shape> shapes = new ArrayList<>();
        double[][] point = new double[parameters.size()][];
        for (int j = 0; j < point.length; j++) {
            point[j] = parameters.get(j).value().toArray();
            shapes.add(parameters.get(j).value().shape());
        }
        ModuleFunction module = new ModuleFunction(values -> {
            Network copy = Network.builder(3).layer(4, Activation.TANH).layer(2, Activation.IDENTITY)
                    .loss(Loss.SOFTMAX_CROSS_ENTROPY).l2(0.1).build();
            List<Variable> leaves = new ArrayList<>();
            for (int j = 0; j < values.size(); j++) {
                copy.parameters().get(j).set(values.get(j));
                leaves.add(copy.parameters().get(j).variable());
            }
            return new ModuleFunction.Bound(copy.loss(x, labels), leaves);
        }, shapes);
        boolean[] wrt = new boolean[point.length];
        java.util.Arrays.fill(wrt, true);
        double[][] grads = module.vectorJacobianProduct(point, new double[] {1}, wrt);
        for (int j = 0; j < point.length; j++) {
            assertThat(grads[j]).as(parameters.get(j).name()).containsExactly(parameters.get(j).grad().toArray());
        }
        assertThat(module.evaluate(point, wrt).output()).containsExactly(net.loss(x, labels).value().item());
    }

    /** x^3 with a backward given as a function of the upstream and x, to be wrong in chosen ways. */
    static final class Cube extends Op {
        private final java.util.function.BinaryOperator<Variable> backward;

        private Cube(Variable x, java.util.function.BinaryOperator<Variable> backward) {
            super("cube", x);
            this.backward = backward;
        }

        static Variable apply(Variable x, java.util.function.BinaryOperator<Variable> backward) {
            return new Cube(x, backward).record(x.value().map(v -> v * v * v));
        }

        @Override
        protected Variable[] backward(Variable upstream, Variable output) {
            return new Variable[] {backward.apply(upstream, input(0))};
        }
    }

    /** 2x^2 instead of 3x^2: wrong to first order. */
    private static Variable wrongCube(Variable x) {
        return Cube.apply(x, (up, in) -> up.mul(in.square().mul(2)));
    }

    /** 3x^2 taken as a constant: right to first order, but the second derivative 6x is lost. */
    private static Variable constantSlopeCube(Variable x) {
        return Cube.apply(x, (up, in) -> up.mul(Variable.constant(in.value().map(v -> 3 * v * v))));
    }

    /** A "module" owning its weight leaf w, as nn layers do, whose output is {@code sum(cube(w))}. */
    private static ModuleFunction moduleOf(java.util.function.UnaryOperator<Variable> cube) {
        return new ModuleFunction(values -> {
            Variable w = Variable.leaf("w", values.get(0));
            return new ModuleFunction.Bound(cube.apply(w).sum(), List.of(w));
        }, List.of(Shape.of(2, 3)));
    }

    private static final Tensor W = Tensor.uniform(11, 0.5, 2, 2, 3);

    @Test
    void aWrongFirstDerivativeOfAModuleFails() {
        GradCheckResult result = GradCheck.of(moduleOf(ModuleFunctionTest::wrongCube)).input("w", W).record(false).check();
        assertThat(result).fails();
        assertThat(result.statistics().failed()).isEqualTo(6);
    }

    @Test
    void aLostSecondDerivativeOfAModuleFailsItsGradGradCheck() {
        ModuleFunction module = moduleOf(ModuleFunctionTest::constantSlopeCube);
        assertThat(GradCheck.of(module).input("w", W).record(false).check()).passes();
        GradCheckResult second = GradCheck.gradgrad(module, module.secondOrder()).input("w", W).record(false).check();
        assertThat(second).fails();
        assertThat(second.input("w").orElseThrow().statistics().failed()).isEqualTo(6);
        assertThat(second.input("upstream").orElseThrow().statistics().failed()).isZero();
    }

    @Test
    void aModuleKinkIsNamedAfterItsOpInBothOrders() {
        ModuleFunction module = new ModuleFunction(values -> {
            Variable w = Variable.leaf("w", values.get(0));
            return new ModuleFunction.Bound(w.relu().square().sum().add(w.relu().sum()), List.of(w));
        }, List.of(Shape.of(3)));
        Tensor at = Tensor.vector(0, 1, -1);
        assertThat(GradCheck.of(module).input("w", at).record(false).check()).passes().hasKinkAt("w", 0).hasKinkIn("relu");
        assertThat(GradCheck.gradgrad(module, module.secondOrder()).input("w", at).record(false).check())
                .passes().hasKinkAt("w", 0).hasKinkIn("relu");
    }
}
