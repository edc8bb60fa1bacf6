package dev.gradproof.gradcheck.catalogue;

import dev.gradproof.gradcheck.GradCheck;
import dev.gradproof.autograd.Autograd;
import dev.gradproof.autograd.Shape;
import dev.gradproof.autograd.Tensor;
import dev.gradproof.autograd.Variable;
import dev.gradproof.gradcheck.function.Input;
import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Every elementwise op's derivatives, from its backward pass, match Commons Math's forward-mode
 * {@link DerivativeStructure} to 1e-12 relative (with the floor documented on
 * {@link ElementwiseOracle#FLOOR_ULPS}), at every point of every sample of the catalogue.
 */
class ElementwiseOracleTest {

    private static final long SEED = Long.getLong(GradCheck.SEED_PROPERTY, GradCheck.DEFAULT_SEED);

    private static final Set<String> ELEMENTWISE = Set.of("add", "addConstant", "sub", "mul", "mulConstant", "div",
            "neg", "reciprocal", "exp", "log", "pow", "square", "sqrt", "abs", "maximum", "minimum", "sigmoid", "tanh",
            "relu", "leakyRelu", "leakyRelu(slope)", "elu", "elu(alpha)", "normalCdf", "gelu", "silu");

    /** What comparing an op with its oracle at a sample's points found. */
    record Comparison(int values, double worstRatio, String worst) {
    }

    /**
     * Broadcasts the inputs to the output's shape, takes the op's gradients with an upstream of ones
     * (for an elementwise op, each element's own partial derivatives) and compares them, and the
     * values, with the oracle's at every element: the ratio of each difference to
     * {@link ElementwiseOracle#allowedError}.
     */
    static Comparison compare(ElementwiseOracle oracle, List<Input> inputs) {
        List<Tensor> values = new ArrayList<>();
        Shape shape = Shape.SCALAR;
        for (Input in : inputs) {
            Tensor t = Tensor.of(in.values(), in.shape());
            values.add(t);
            shape = Shape.broadcast(shape, t.shape(), "oracle");
        }
        List<Variable> leaves = new ArrayList<>();
        for (Tensor t : values) {
            leaves.add(Variable.leaf(t.broadcastTo(shape)));
        }
        Variable out = oracle.apply(leaves);
        List<Variable> grads = Autograd.grad(out, leaves, Variable.constant(Tensor.ones(shape)), false);
        int count = 0;
        double worstRatio = 0;
        String worst = "none";
        for (int k = 0; k < shape.size(); k++) {
            double[] x = new double[leaves.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = leaves.get(i).value().getFlat(k);
            }
            double[] expected = oracle.valueAndGradient(x);
            for (int j = 0; j <= x.length; j++) {
                double actual = j == 0 ? out.value().getFlat(k) : grads.get(j - 1).value().getFlat(k);
                double ratio = Math.abs(actual - expected[j]) / ElementwiseOracle.allowedError(expected[j], expected[0]);
                if (!(ratio <= worstRatio)) {
                    worstRatio = Double.isNaN(ratio) ? Double.POSITIVE_INFINITY : ratio;
                    worst = (j == 0 ? "value" : "d/dx" + (j - 1)) + " at " + java.util.Arrays.toString(x) + ": "
                            + actual + " vs oracle " + expected[j];
                }
                count++;
            }
        }
        return new Comparison(count, worstRatio, worst);
    }

    @Test
    void everyElementwiseDerivativeMatchesForwardModeDifferentiation() {
        int ops = 0;
        int samples = 0;
        long values = 0;
        double worst = 0;
        for (OpSpec spec : OpCatalogue.specs()) {
            boolean any = false;
            for (OpSample s : spec.samples(SEED)) {
                if (s.oracle().isEmpty()) {
                    continue;
                }
                Comparison c = compare(s.oracle().get(), s.inputs());
                assertThat(c.worstRatio()).as(s.label() + ": worst " + c.worst()).isLessThanOrEqualTo(1);
                any = true;
                samples++;
                values += c.values();
                worst = Math.max(worst, c.worstRatio());
            }
            assertThat(any).as(spec.name() + " has an oracle").isEqualTo(ELEMENTWISE.contains(spec.name()));
            ops += any ? 1 : 0;
        }
        System.out.printf(Locale.ROOT, "oracles: %d elementwise ops, %d samples, %d values and first derivatives agree"
                + " with DerivativeStructure to 1e-12 relative (worst %.3g of the allowed error)%n", ops, samples, values, worst);
        assertThat(ops).isEqualTo(ELEMENTWISE.size());
    }

    @Test
    void everyNonTrickySampleOfAnElementwiseOpCarriesItsOracle() {
        for (String name : ELEMENTWISE) {
            for (OpSample s : OpCatalogue.spec(name).orElseThrow().samples(SEED)) {
                assertThat(s.oracle().isPresent() || s.tricky()).as(s.label()).isTrue();
            }
        }
    }

    @Test
    void aDerivativeWrongByOnePartInABillionIsCaught() {
        ElementwiseOracle biased = ElementwiseOracle.unary(Variable::sigmoid,
                x -> ElementwiseOracle.sigmoid(x).multiply(1 + 1e-9).subtract(ElementwiseOracle.sigmoid(x).getValue() * 1e-9));
        List<Input> point = List.of(Input.vector("x", -2, -0.5, 0.3, 1.7));
        assertThat(compare(biased, point).worstRatio()).isGreaterThan(10);
        ElementwiseOracle right = ElementwiseOracle.unary(Variable::sigmoid, ElementwiseOracle::sigmoid);
        assertThat(compare(right, point).worstRatio()).isLessThanOrEqualTo(1);
    }

    @Test
    void theNotesSigmoidNeuronGradientAtOne() {
        // the notes: sigma(1.0) = 0.73 and its local gradient (1 - 0.73) 0.73 = 0.2; closed form 1 / (1 + e^-1)
        double s = 1 / (1 + Math.exp(-1));
        double[] o = ElementwiseOracle.unary(Variable::sigmoid, ElementwiseOracle::sigmoid).valueAndGradient(1.0);
        assertThat(o[0]).isCloseTo(s, within(1e-16));
        assertThat(o[1]).isCloseTo(s * (1 - s), within(1e-16));
        assertThat(o[1]).isCloseTo(0.2, within(0.004));
    }

    @Test
    void theOraclesStateTheDocumentedSubgradients() {
        assertThat(ElementwiseOracle.unary(Variable::relu, ElementwiseOracle::relu).valueAndGradient(0)).containsExactly(0, 0);
        assertThat(ElementwiseOracle.unary(Variable::abs, ElementwiseOracle::abs).valueAndGradient(0)).containsExactly(0, 0);
        assertThat(ElementwiseOracle.unary(x -> x.leakyRelu(0.2), x -> ElementwiseOracle.leakyRelu(x, 0.2))
                .valueAndGradient(0)).containsExactly(0, 1);
        assertThat(ElementwiseOracle.binary(Variable::maximum, ElementwiseOracle::maximum).valueAndGradient(2, 2))
                .containsExactly(2, 1, 0);
        assertThat(ElementwiseOracle.binary(Variable::minimum, ElementwiseOracle::minimum).valueAndGradient(-1, -1))
                .containsExactly(-1, 1, 0);
        // the notes' f(x) = 1/x, df/dx = -1/x^2, and the mul gate's swap: d(ab)/da = b
        assertThat(ElementwiseOracle.unary(Variable::reciprocal, DerivativeStructure::reciprocal).valueAndGradient(4))
                .containsExactly(0.25, -0.0625);
        assertThat(ElementwiseOracle.binary(Variable::mul, DerivativeStructure::multiply).valueAndGradient(-4, 3))
                .containsExactly(-12, 3, -4);
    }
}
