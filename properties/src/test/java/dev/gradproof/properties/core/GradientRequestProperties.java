package dev.gradproof.properties.core;

import dev.gradproof.autograd.Autograd;
import dev.gradproof.autograd.Shape;
import dev.gradproof.autograd.Tensor;
import dev.gradproof.autograd.Variable;
import dev.gradproof.properties.generators.GradArbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What autograd-core returns for each kind of gradient request: with respect to an interior node
 * (not only leaves), through each overload of {@link Autograd#grad}, of a constant output, and
 * with respect to a constant (rejected).
 */
class GradientRequestProperties {

    /**
     * The gradient of {@code L = sum(tanh(x w) * c)} with respect to the interior node {@code h = x w}
     * is, bit for bit, the gradient of the same tail {@code sum(tanh(h') * c)} with respect to a leaf
     * {@code h'} holding h's value (the chain rule cut at h): the same ops on the same values. Asked
     * alone, beside leaves, and through every overload.
     */
    @Property
    void theGradientAtAnInteriorNodeIsTheGradientOfTheTailAtALeaf(@ForAll("x") Tensor xValue, @ForAll("w") Tensor wValue,
                                                                 @ForAll("c") Tensor cValue) {
        Variable x = Variable.leaf("x", xValue);
        Variable w = Variable.leaf("w", wValue);
        Variable c = Variable.constant(cValue);
        Variable h = x.matmul(w);
        Variable loss = h.tanh().mul(c).sum();

        Variable cut = Variable.leaf("h", h.value());
        double[] expected = Autograd.grad(cut.tanh().mul(c).sum(), cut, false).value().toArray();
        double[] dx = Autograd.grad(loss, x, false).value().toArray();

        String at = "x " + xValue + ", w " + wValue;
        assertThat(Autograd.grad(loss, h, false).value().toArray()).as("grad(L, h) alone, " + at).containsExactly(expected);
        List<Variable> three = Autograd.grad(loss, List.of(x, h, w), false);
        assertThat(three.get(1).value().toArray()).as("grad(L, [x, h, w])[1], " + at).containsExactly(expected);
        assertThat(three.get(0).value().toArray()).as("grad(L, [x, h, w])[0] = grad(L, x), " + at).containsExactly(dx);
        List<Variable> vjp = Autograd.grad(loss, List.of(h), Variable.constant(Tensor.scalar(1.0)), false);
        assertThat(vjp.get(0).value().toArray()).as("grad(L, [h], upstream 1), " + at).containsExactly(expected);

        // backward() keeps every node's gradient, the interior node's included
        loss.backward();
        assertThat(h.grad().toArray()).as("h.grad() after backward(), " + at).containsExactly(expected);
        assertThat(x.grad().toArray()).as("x.grad() after backward(), " + at).containsExactly(dx);
    }

    /** A constant output contributes nothing: zeros of each input's shape (the documented functional rule). */
    @Example
    void theGradientOfAConstantOutputIsZero() {
        Variable x = Variable.leaf("x", Tensor.matrix(new double[][] {{1, -2}, {3, 4}}));
        Variable constant = Variable.constant(Tensor.scalar(5.0)).mul(2.0);
        List<Variable> grads = Autograd.grad(List.of(constant, x.square().sum()), List.of(x), null, false);
        // d/dx sum(x^2) = 2x, plus nothing from the constant
        assertThat(grads.get(0).value().toArray()).containsExactly(2, -4, 6, 8);
        assertThat(Autograd.grad(constant, x, false).value().toArray()).containsExactly(0, 0, 0, 0);
    }

    /** backward() from a constant is a mistake, rejected with the output's shape. */
    @Example
    void backwardFromAConstantIsRejected() {
        Variable constant = Variable.constant(Tensor.matrix(new double[][] {{1, 2, 3}})).sum();
        assertThatThrownBy(constant::backward).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not require grad").hasMessageContaining("[]");
    }

    /** A gradient with respect to a constant is rejected, naming the input's position. */
    @Example
    void aGradientWithRespectToAConstantIsRejected() {
        Variable x = Variable.leaf("x", Tensor.vector(1, 2));
        Variable k = Variable.constant("k", Tensor.vector(3, 4));
        Variable loss = x.mul(k).sum();
        assertThatThrownBy(() -> Autograd.grad(loss, List.of(x, k), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("input 1");
    }

    @Provide
    Arbitrary<Tensor> x() {
        return matrices(3, 4);
    }

    @Provide
    Arbitrary<Tensor> w() {
        return matrices(4, 2);
    }

    @Provide
    Arbitrary<Tensor> c() {
        return matrices(3, 2);
    }

    /** Matrices with values in [-1, 1], from the project's tensor generator. */
    private static Arbitrary<Tensor> matrices(int rows, int cols) {
        return GradArbitraries.tensors().ofShape(Shape.of(rows, cols)).values(-1, 1);
    }
}
