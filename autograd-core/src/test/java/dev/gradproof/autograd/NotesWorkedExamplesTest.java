package dev.gradproof.autograd;

import static dev.gradproof.autograd.Approx.assertClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.function.UnaryOperator;
import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The worked examples of the lecture notes (shared/seeds), reproduced with the autograd. Every
 * expected number is computed by hand from the notes (shown in the comments), is an exact closed
 * form, or comes from Commons Math's forward-mode {@link DerivativeStructure}.
 */
class NotesWorkedExamplesTest {

    // ------------------------------------------------------------------ f = (x + y) z

    @Test
    void simpleExampleXPlusYTimesZ() {
        Variable x = Variable.scalar("x", -2);
        Variable y = Variable.scalar("y", 5);
        Variable z = Variable.scalar("z", -4);
        Variable q = x.add(y);          // q = 3
        Variable f = q.mul(z);          // f = -12

        f.backward();

        assertThat(q.value().item()).isEqualTo(3.0);
        assertThat(f.value().item()).isEqualTo(-12.0);
        assertThat(f.grad().item()).isEqualTo(1.0);     // df/df
        assertThat(q.grad().item()).isEqualTo(-4.0);    // df/dq = z
        assertThat(z.grad().item()).isEqualTo(3.0);     // df/dz = q
        assertThat(x.grad().item()).isEqualTo(-4.0);    // df/dx = df/dq * dq/dx = z * 1
        assertThat(y.grad().item()).isEqualTo(-4.0);    // df/dy = z * 1
    }

    // ------------------------------------------------------------------ the sigmoid neuron

    private static final double W0 = 2;
    private static final double W1 = -3;
    private static final double W2 = -3;
    private static final double X0 = -1;
    private static final double X1 = -2;

    /** sigma(1), the neuron's output: w0 x0 + w1 x1 + w2 = -2 + 6 - 3 = 1. */
    private static final double SIGMA_1 = 1.0 / (1.0 + Math.exp(-1.0));
    /** The sigmoid's local gradient at 1: (1 - sigma(1)) sigma(1). */
    private static final double DDOT = (1 - SIGMA_1) * SIGMA_1;

    /** The five leaves of the neuron, in the order w0, x0, w1, x1, w2. */
    private static Variable[] neuronLeaves() {
        return new Variable[] {
            Variable.scalar("w0", W0), Variable.scalar("x0", X0),
            Variable.scalar("w1", W1), Variable.scalar("x1", X1), Variable.scalar("w2", W2),
        };
    }

    private static Variable dot(Variable[] v) {
        return v[0].mul(v[1]).add(v[2].mul(v[3])).add(v[4]);
    }

    /** The notes' circuit gate by gate: *, +, *-1, exp, +1, 1/x. */
    private static Variable neuronFromPrimitiveGates(Variable[] v, boolean negateWithNeg) {
        Variable d = dot(v);
        Variable negated = negateWithNeg ? d.neg() : d.mul(-1.0);
        return negated.exp().add(1.0).reciprocal();
    }

    @ParameterizedTest(name = "negate with {0}")
    @CsvSource({"neg", "mulConstant(-1)"})
    void sigmoidNeuronFromPrimitiveGates(String negation) {
        Variable[] v = neuronLeaves();
        Variable f = neuronFromPrimitiveGates(v, negation.equals("neg"));
        f.backward();
        assertNeuronGradients(f, v);
    }

    @Test
    void sigmoidNeuronWithFusedSigmoid() {
        Variable[] v = neuronLeaves();
        Variable d = dot(v);
        Variable f = d.sigmoid();
        f.backward();

        assertThat(d.value().item()).isEqualTo(1.0);
        assertThat(d.grad().item()).isCloseTo(DDOT, within(1e-15));   // "(1 - 0.73) * 0.73 ~= 0.2"
        assertNeuronGradients(f, v);
    }

    @Test
    void fusedAndPrimitiveSigmoidNeuronsAgree() {
        Variable[] fused = neuronLeaves();
        dot(fused).sigmoid().backward();
        Variable[] gates = neuronLeaves();
        neuronFromPrimitiveGates(gates, true).backward();
        for (int i = 0; i < fused.length; i++) {
            assertThat(gates[i].grad().item()).as(fused[i].name().orElseThrow())
                    .isCloseTo(fused[i].grad().item(), within(1e-15));
        }
    }

    private static void assertNeuronGradients(Variable f, Variable[] v) {
        // The notes: output 0.73; dw = (-0.20, -0.39, 0.20); dx = (0.39, -0.59).
        assertThat(f.value().item()).isCloseTo(SIGMA_1, within(1e-15)).isCloseTo(0.73, within(0.005));
        double[] exact = {DDOT * X0, DDOT * W0, DDOT * X1, DDOT * W1, DDOT};
        double[] notes = {-0.20, 0.39, -0.39, -0.59, 0.20};
        for (int i = 0; i < v.length; i++) {
            String name = v[i].name().orElseThrow();
            assertThat(v[i].grad().item()).as("d%s exact", name).isCloseTo(exact[i], within(1e-15));
            assertThat(v[i].grad().item()).as("d%s as in the notes", name).isCloseTo(notes[i], within(0.005));
        }
    }

    // ------------------------------------------------------------------ staged computation

    private static final double STAGED_X = 3;
    private static final double STAGED_Y = -4;

    private static double sigma(double v) {
        return 1.0 / (1.0 + Math.exp(-v));
    }

    /** The notes' staged forward pass, one variable per line, as in the notes' code. */
    private static Variable staged(Variable x, Variable y) {
        Variable sigy = y.sigmoid();                // sigmoid in numerator
        Variable num = x.add(sigy);                 // numerator
        Variable sigx = x.sigmoid();                // sigmoid in denominator
        Variable xpy = x.add(y);
        Variable xpysqr = xpy.square();
        Variable den = sigx.add(xpysqr);            // denominator
        Variable invden = den.reciprocal();
        return num.mul(invden);                     // done
    }

    /** f, df/dx and df/dy at (STAGED_X, STAGED_Y), by backward through the staged graph. */
    private static double[] stagedByBackprop() {
        Variable x = Variable.scalar("x", STAGED_X);
        Variable y = Variable.scalar("y", STAGED_Y);
        Variable f = staged(x, y);
        f.backward();
        return new double[] {f.value().item(), x.grad().item(), y.grad().item()};
    }

    @Test
    void stagedComputationMatchesHandDerivedClosedForm() {
        double[] autograd = stagedByBackprop();

        // By hand: f = N / D with N = x + s(y), D = s(x) + (x + y)^2, s' = s (1 - s).
        double sx = sigma(STAGED_X);
        double sy = sigma(STAGED_Y);
        double n = STAGED_X + sy;
        double d = sx + (STAGED_X + STAGED_Y) * (STAGED_X + STAGED_Y);
        double dNdx = 1;
        double dNdy = sy * (1 - sy);
        double dDdx = sx * (1 - sx) + 2 * (STAGED_X + STAGED_Y);
        double dDdy = 2 * (STAGED_X + STAGED_Y);
        double dfdx = (dNdx * d - n * dDdx) / (d * d);
        double dfdy = (dNdy * d - n * dDdy) / (d * d);

        assertClose("f", autograd[0], n / d, 1e-14, 0);
        assertClose("df/dx", autograd[1], dfdx, 1e-13, 0);
        assertClose("df/dy", autograd[2], dfdy, 1e-13, 0);
    }

    @Test
    void stagedComputationMatchesDerivativeStructure() {
        double[] autograd = stagedByBackprop();

        DerivativeStructure dx = new DerivativeStructure(2, 1, 0, STAGED_X);
        DerivativeStructure dy = new DerivativeStructure(2, 1, 1, STAGED_Y);
        UnaryOperator<DerivativeStructure> sig = t -> t.negate().exp().add(1).reciprocal();
        DerivativeStructure oracle = dx.add(sig.apply(dy))
                .divide(sig.apply(dx).add(dx.add(dy).pow(2)));

        assertClose("f", autograd[0], oracle.getValue(), 1e-14, 0);
        assertClose("df/dx", autograd[1], oracle.getPartialDerivative(1, 0), 1e-13, 0);
        assertClose("df/dy", autograd[2], oracle.getPartialDerivative(0, 1), 1e-13, 0);
    }

    // ------------------------------------------------------------------ ReLU on a vector

    @Test
    void reluOnAVectorPassesUpstreamWhereInputIsPositive() {
        Variable x = Variable.leaf("x", Tensor.vector(1, -2, 3, -1));
        Variable z = x.relu();
        z.backward(Tensor.vector(4, -1, 5, 9));

        assertThat(z.value()).isEqualTo(Tensor.vector(1, 0, 3, 0));
        // Compared as numbers: the blocked -1 may come back as -0.0, which equals 0.
        assertThat(x.grad().toArray()).containsExactly(new double[] {4, 0, 5, 0}, within(0.0));
    }

    // ------------------------------------------------------------------ matrix multiply

    @Test
    void matmulBackpropWithMatrices() {
        Variable x = Variable.leaf("x", Tensor.matrix(new double[][] {{2, 1, -3}, {-3, 4, 2}}));
        Variable w = Variable.leaf("w", Tensor.matrix(new double[][] {
            {3, 2, 1, -1},
            {2, 1, 3, 2},
            {3, 2, 1, -2},
        }));
        Variable y = x.matmul(w);
        y.backward(Tensor.matrix(new double[][] {{2, 3, -3, 9}, {-8, 1, 4, 6}}));

        // y by hand, e.g. y[0][0] = 2*3 + 1*2 + (-3)*3 = -1 and y[1][2] = -3*1 + 4*3 + 2*1 = 11.
        // (The slide's y was garbled by the image conversion.)
        assertThat(y.value()).isEqualTo(Tensor.matrix(new double[][] {{-1, -1, 2, 6}, {5, 2, 11, 7}}));
        // dL/dx = dL/dy w^T, e.g. [0][1] = 2*2 + 3*1 + (-3)*3 + 9*2 = 16.
        assertThat(x.grad()).isEqualTo(Tensor.matrix(new double[][] {{0, 16, -9}, {-24, 9, -30}}));
        // dL/dw = x^T dL/dy, e.g. [0][0] = 2*2 + (-3)*(-8) = 28.
        assertThat(w.grad()).isEqualTo(Tensor.matrix(new double[][] {
            {28, 3, -18, 0},
            {-30, 7, 13, 33},
            {-22, -7, 17, -15},
        }));
    }
}
