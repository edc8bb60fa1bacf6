package dev.gradproof.autograd;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;
import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;
import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.apache.commons.math3.analysis.integration.UnivariateIntegrator;

/**
 * The elementwise ops of the core, each with an independent oracle written with Commons Math's
 * forward-mode {@link DerivativeStructure}, and for unary ops points well inside the domain (away
 * from kinks and singularities). Shared by the derivative, NaN and bad-input tests.
 */
final class OpCatalogue {

    /** Points anywhere on the real line, none at 0. */
    static final double[] REAL = {-3.7, -2.05, -1.3, -0.6, -0.15, 0.2, 0.85, 1.6, 2.4, 3.9};
    /** Points where log, sqrt and non-integer powers are defined. */
    static final double[] POSITIVE = {0.05, 0.3, 0.75, 1.2, 2.6, 7.5, 42.0};

    /**
     * One elementwise op.
     *
     * @param name   as shown in test names
     * @param op     the op under test
     * @param oracle the same function on derivative structures
     * @param points where to compare
     */
    record UnaryOpCase(String name, UnaryOperator<Variable> op, UnaryOperator<DerivativeStructure> oracle,
                       double[] points) {
        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * One binary elementwise op (broadcasting).
     *
     * @param name   the op's name, as in its error messages
     * @param op     the op under test
     * @param oracle the same function on derivative structures
     */
    record BinaryOpCase(String name, BinaryOperator<Variable> op, BinaryOperator<DerivativeStructure> oracle) {
        @Override
        public String toString() {
            return name;
        }
    }

    private OpCatalogue() {
    }

    /** The binary elementwise ops; maximum and minimum give a tie to the first argument. */
    static List<BinaryOpCase> binary() {
        return List.of(
                new BinaryOpCase("add", Variable::add, DerivativeStructure::add),
                new BinaryOpCase("sub", Variable::sub, DerivativeStructure::subtract),
                new BinaryOpCase("mul", Variable::mul, DerivativeStructure::multiply),
                new BinaryOpCase("div", Variable::div, DerivativeStructure::divide),
                new BinaryOpCase("maximum", Variable::maximum, (a, b) -> a.getValue() >= b.getValue() ? a : b),
                new BinaryOpCase("minimum", Variable::minimum, (a, b) -> a.getValue() <= b.getValue() ? a : b));
    }

    /** Every elementwise op of the core with one input, the notes' activations included. */
    static List<UnaryOpCase> unary() {
        List<UnaryOpCase> cases = new ArrayList<>(List.of(
                new UnaryOpCase("neg", Variable::neg, DerivativeStructure::negate, REAL),
                new UnaryOpCase("reciprocal", Variable::reciprocal, DerivativeStructure::reciprocal, REAL),
                new UnaryOpCase("addConstant(2.5)", x -> x.add(2.5), x -> x.add(2.5), REAL),
                new UnaryOpCase("mulConstant(-1.75)", x -> x.mul(-1.75), x -> x.multiply(-1.75), REAL),
                new UnaryOpCase("exp", Variable::exp, DerivativeStructure::exp, REAL),
                new UnaryOpCase("log", Variable::log, DerivativeStructure::log, POSITIVE),
                new UnaryOpCase("square", Variable::square, x -> x.multiply(x), REAL),
                new UnaryOpCase("sqrt", Variable::sqrt, DerivativeStructure::sqrt, POSITIVE),
                new UnaryOpCase("abs", Variable::abs, DerivativeStructure::abs, REAL),
                new UnaryOpCase("sigmoid", Variable::sigmoid, OpCatalogue::sigmoid, REAL),
                new UnaryOpCase("tanh", Variable::tanh, DerivativeStructure::tanh, REAL),
                new UnaryOpCase("relu", Variable::relu, x -> x.getValue() > 0 ? x : x.multiply(0.0), REAL),
                new UnaryOpCase("leakyRelu()", Variable::leakyRelu, x -> leaky(x, 0.01), REAL),
                new UnaryOpCase("leakyRelu(0.2)", x -> x.leakyRelu(0.2), x -> leaky(x, 0.2), REAL),
                new UnaryOpCase("elu()", Variable::elu, x -> elu(x, 1.0), REAL),
                new UnaryOpCase("elu(0.5)", x -> x.elu(0.5), x -> elu(x, 0.5), REAL),
                new UnaryOpCase("normalCdf", Variable::normalCdf, OpCatalogue::normalCdf, REAL),
                new UnaryOpCase("gelu", Variable::gelu, x -> x.multiply(normalCdf(x)), REAL),
                new UnaryOpCase("silu", Variable::silu, x -> x.multiply(sigmoid(x)), REAL)));
        for (double p : new double[] {0, 1, 2, -1, 3}) {
            cases.add(new UnaryOpCase("pow(" + p + ")", x -> x.pow(p), x -> x.pow(p), REAL));
        }
        for (double p : new double[] {0.5, -2.5, 1.5}) {
            cases.add(new UnaryOpCase("pow(" + p + ")", x -> x.pow(p), x -> x.pow(p), POSITIVE));
        }
        return cases;
    }

    static DerivativeStructure sigmoid(DerivativeStructure x) {
        return x.negate().exp().add(1).reciprocal();
    }

    private static DerivativeStructure leaky(DerivativeStructure x, double slope) {
        return x.getValue() >= 0 ? x : x.multiply(slope);
    }

    private static DerivativeStructure elu(DerivativeStructure x, double alpha) {
        return x.getValue() >= 0 ? x : x.expm1().multiply(alpha);
    }

    /**
     * Phi as a derivative structure up to order 2: the value by numerical integration of the
     * density (independent of the erfc the core uses), the derivatives in closed form, phi and
     * -x phi.
     */
    static DerivativeStructure normalCdf(DerivativeStructure x) {
        double v = x.getValue();
        double density = density(v);
        return x.compose(normalCdfByIntegration(v), density, -v * density);
    }

    private static double density(double t) {
        return Math.exp(-t * t / 2) / Math.sqrt(2 * Math.PI);
    }

    /**
     * Phi(x) by Gauss-Legendre integration of the density over a lower tail, which has no
     * cancellation: Phi(x) = int_0^12 phi(x - s) ds for x <= 0, and 1 - Phi(-x) above.
     */
    static double normalCdfByIntegration(double x) {
        if (x > 0) {
            return 1 - normalCdfByIntegration(-x);
        }
        UnivariateIntegrator integrator = new IterativeLegendreGaussIntegrator(5, 1e-15, 1e-300);
        UnivariateFunction tail = s -> density(x - s);
        return integrator.integrate(1_000_000, tail, 0, 12);
    }
}
