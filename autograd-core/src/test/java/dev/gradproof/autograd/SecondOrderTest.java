package dev.gradproof.autograd;

import static dev.gradproof.autograd.Approx.assertClose;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.commons.math3.analysis.UnivariateVectorFunction;
import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;
import org.apache.commons.math3.analysis.differentiation.FiniteDifferencesDifferentiator;
import org.junit.jupiter.api.Test;

/**
 * Second (and higher) derivatives through {@link Autograd#grad} with {@code createGraph}:
 * Hessian-vector products of small composite functions against closed forms and a
 * finite-difference-of-the-gradient oracle, a full Hessian against {@link DerivativeStructure},
 * and gradients with respect to the upstream (the Jacobian product).
 */
class SecondOrderTest {

    private static final long SEED = 31_415L;
    /** W [3, 4] and x [4, 1] of the composite y = tanh(W x) used by several tests. */
    private static final Tensor W = Tensor.randn(SEED, 3, 4);
    private static final Tensor X = Tensor.randn(SEED + 1, 4, 1);

    /** t = tanh(W x), by plain loops. */
    private static double[] tanhOfWx() {
        double[] t = times(W, X.toArray(), false);
        for (int i = 0; i < t.length; i++) {
            t[i] = Math.tanh(t[i]);
        }
        return t;
    }

    /** Plain {@code a @ b} over arrays, for closed forms. */
    private static double[] times(Tensor a, double[] b, boolean transposeA) {
        int rows = transposeA ? a.shape().dim(1) : a.shape().dim(0);
        int inner = transposeA ? a.shape().dim(0) : a.shape().dim(1);
        double[] out = new double[rows];
        for (int i = 0; i < rows; i++) {
            for (int k = 0; k < inner; k++) {
                out[i] += (transposeA ? a.get(k, i) : a.get(i, k)) * b[k];
            }
        }
        return out;
    }

    @Test
    void hessianVectorProductOfSumOfTanhOfWx() {
        // f(x) = sum tanh(W x); grad = W^T (1 - t^2); H v = W^T (-2 t (1 - t^2) * (W v)), t = tanh(W x).
        Tensor vv = Tensor.randn(SEED + 2, 4, 1);
        Variable x = Variable.leaf("x", X);
        Variable f = Variable.constant("W", W).matmul(x).tanh().sum();

        Variable g = Autograd.grad(f, x, true);
        assertThat(g.requiresGrad()).isTrue();
        Variable hv = Autograd.grad(g.mul(Variable.constant(vv)).sum(), x, false);
        assertThat(hv.requiresGrad()).isFalse();

        double[] t = tanhOfWx();
        double[] wTimesV = times(W, vv.toArray(), false);
        double[] local = new double[3];
        double[] curvature = new double[3];
        for (int i = 0; i < 3; i++) {
            local[i] = 1 - t[i] * t[i];
            curvature[i] = -2 * t[i] * local[i] * wTimesV[i];
        }
        String seed = "seed " + SEED;
        assertClose("grad, " + seed, g.value(), Tensor.of(times(W, local, true), 4, 1), 1e-13, 1e-15);
        assertClose("H v, " + seed, hv.value(), Tensor.of(times(W, curvature, true), 4, 1), 1e-12, 1e-15);
    }

    @Test
    void hessianVectorProductOfSoftmaxCrossEntropyInTheScores() {
        // Per row, H = (diag(p) - p p^T) / N, so H v = (p * v - p <p, v>) / N.
        int n = 3;
        int classes = 4;
        Tensor sv = Tensor.uniform(SEED, -2, 2, n, classes);
        Tensor vv = Tensor.uniform(SEED + 1, -1, 1, n, classes);
        int[] labels = {3, 0, 2};
        Variable scores = Variable.leaf("scores", sv);
        Variable g = Autograd.grad(Losses.softmaxCrossEntropy(scores, labels), scores, true);
        Variable hv = Autograd.grad(g.mul(Variable.constant(vv)).sum(), scores, false);

        double[] expected = new double[n * classes];
        for (int i = 0; i < n; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < classes; j++) {
                max = Math.max(max, sv.get(i, j));
            }
            double[] p = new double[classes];
            double total = 0;
            for (int j = 0; j < classes; j++) {
                p[j] = Math.exp(sv.get(i, j) - max);
                total += p[j];
            }
            double pv = 0;
            for (int j = 0; j < classes; j++) {
                p[j] /= total;
                pv += p[j] * vv.get(i, j);
            }
            for (int j = 0; j < classes; j++) {
                expected[i * classes + j] = (p[j] * vv.get(i, j) - p[j] * pv) / n;
            }
        }
        assertClose("H v, seed " + SEED, hv.value(), Tensor.of(expected, n, classes), 1e-12, 1e-16);
    }

    @Test
    void hessianVectorProductOfALinearSoftmaxClassifierMatchesFiniteDifferencesOfTheGradient() {
        // L(W) = softmaxCrossEntropy(x W, labels); oracle: d/dt grad L(W + t V) at t = 0, by a
        // 7-point finite-difference stencil (Commons Math) over the first-order gradient.
        Tensor xv = Tensor.randn(SEED, 5, 3);
        Tensor wv = Tensor.randn(SEED + 1, 3, 4);
        Tensor vv = Tensor.randn(SEED + 2, 3, 4);
        int[] labels = {0, 3, 1, 1, 2};
        UnaryOperator<Variable> loss = w -> Losses.softmaxCrossEntropy(Variable.constant(xv).matmul(w), labels);

        Variable w = Variable.leaf("W", wv);
        Variable g = Autograd.grad(loss.apply(w), w, true);
        Variable hv = Autograd.grad(g.mul(Variable.constant(vv)).sum(), w, false);

        UnivariateVectorFunction gradient = t -> {
            Variable shifted = Variable.leaf(wv.plus(vv.times(t)));
            return Autograd.grad(loss.apply(shifted), shifted, false).value().toArray();
        };
        DerivativeStructure[] fd = new FiniteDifferencesDifferentiator(7, 1e-3).differentiate(gradient)
                .value(new DerivativeStructure(1, 1, 0, 0.0));
        for (int i = 0; i < fd.length; i++) {
            Approx.assertClose("H v at " + i + ", seed " + SEED, hv.value().getFlat(i),
                    fd[i].getPartialDerivative(1), 1e-7, 1e-9);
        }
    }

    @Test
    void fullHessianOfTheStagedFunctionMatchesDerivativeStructure() {
        // The notes' f(x, y) = (x + sigma(y)) / (sigma(x) + (x + y)^2) at (3, -4).
        Variable x = Variable.scalar("x", 3);
        Variable y = Variable.scalar("y", -4);
        Variable f = x.add(y.sigmoid()).div(x.sigmoid().add(x.add(y).square()));
        List<Variable> g = Autograd.grad(f, List.of(x, y), true);
        List<Variable> fromGx = Autograd.grad(g.get(0), List.of(x, y), false);
        List<Variable> fromGy = Autograd.grad(g.get(1), List.of(x, y), false);

        DerivativeStructure dx = new DerivativeStructure(2, 2, 0, 3);
        DerivativeStructure dy = new DerivativeStructure(2, 2, 1, -4);
        DerivativeStructure oracle = dx.add(OpCatalogue.sigmoid(dy))
                .divide(OpCatalogue.sigmoid(dx).add(dx.add(dy).multiply(dx.add(dy))));
        assertClose("f_x", g.get(0).value().item(), oracle.getPartialDerivative(1, 0), 1e-13, 0);
        assertClose("f_y", g.get(1).value().item(), oracle.getPartialDerivative(0, 1), 1e-13, 0);
        assertClose("f_xx", fromGx.get(0).value().item(), oracle.getPartialDerivative(2, 0), 1e-12, 0);
        assertClose("f_xy", fromGx.get(1).value().item(), oracle.getPartialDerivative(1, 1), 1e-12, 0);
        assertClose("f_yx", fromGy.get(0).value().item(), oracle.getPartialDerivative(1, 1), 1e-12, 0);
        assertClose("f_yy", fromGy.get(1).value().item(), oracle.getPartialDerivative(0, 2), 1e-12, 0);
    }

    @Test
    void thirdDerivativesByNestingCreateGraph() {
        // d^3/dx^3 x^4 = 24 x; d^3/dx^3 e^x = e^x; d^3/dx^3 sigma = sigma' (1 - 6 sigma + 6 sigma^2).
        Variable x = Variable.scalar("x", 1.5);
        Variable third = nestedGrad(x.pow(4), x, 3);
        assertClose("x^4", third.value().item(), 24 * 1.5, 1e-14, 0);

        Variable e = nestedGrad(x.exp(), x, 3);
        assertClose("e^x", e.value().item(), Math.exp(1.5), 1e-14, 0);

        DerivativeStructure ds = OpCatalogue.sigmoid(new DerivativeStructure(1, 3, 0, 1.5));
        assertClose("sigmoid", nestedGrad(x.sigmoid(), x, 3).value().item(), ds.getPartialDerivative(3), 1e-12, 0);
    }

    private static Variable nestedGrad(Variable f, Variable x, int order) {
        Variable g = f;
        for (int i = 0; i < order; i++) {
            g = Autograd.grad(g, x, true);
        }
        return g;
    }

    // ------------------------------------------------------------------ the upstream as a variable

    @Test
    void gradientOfTheVectorJacobianProductWithRespectToTheUpstreamIsTheJacobianProduct() {
        // y = tanh(W x); g(u) = J^T u with J = diag(1 - t^2) W; d<g(u), c>/du = J c.
        Tensor uv = Tensor.randn(SEED + 2, 3, 1);
        Tensor cv = Tensor.randn(SEED + 3, 4, 1);
        Variable x = Variable.leaf("x", X);
        Variable u = Variable.leaf("u", uv);
        Variable y = Variable.constant("W", W).matmul(x).tanh();

        Variable g = Autograd.grad(List.of(y), List.of(x), List.of(u), true).get(0);
        Variable jc = Autograd.grad(g.mul(Variable.constant(cv)).sum(), u, false);

        double[] t = tanhOfWx();
        double[] wc = times(W, cv.toArray(), false);
        double[] scaledU = new double[3];
        double[] expectedJc = new double[3];
        for (int i = 0; i < 3; i++) {
            scaledU[i] = (1 - t[i] * t[i]) * uv.getFlat(i);
            expectedJc[i] = (1 - t[i] * t[i]) * wc[i];
        }
        String seed = "seed " + SEED;
        assertClose("J^T u, " + seed, g.value(), Tensor.of(times(W, scaledU, true), 4, 1), 1e-13, 1e-15);
        assertClose("J c, " + seed, jc.value(), Tensor.of(expectedJc, 3, 1), 1e-13, 1e-15);
    }

    @Test
    void forALinearMapTheGradientWithRespectToTheUpstreamIsTheMapItself() {
        // y = W x: g(u) = W^T u, so d<g(u), c>/du = W c, exactly.
        Variable w = Variable.constant("W", Tensor.matrix(new double[][] {{1, 2, 0}, {-1, 3, 4}}));
        Variable x = Variable.leaf("x", Tensor.of(new double[] {5, 6, 7}, 3, 1));
        Variable u = Variable.leaf("u", Tensor.of(new double[] {1, 1}, 2, 1));
        Variable g = Autograd.grad(List.of(w.matmul(x)), List.of(x), List.of(u), true).get(0);
        Variable jc = Autograd.grad(g.mul(Variable.constant(Tensor.of(new double[] {1, -1, 2}, 3, 1))).sum(), u, false);
        assertThat(g.value()).isEqualTo(Tensor.of(new double[] {0, 5, 4}, 3, 1));
        assertThat(jc.value()).isEqualTo(Tensor.of(new double[] {-1, 4}, 2, 1));
    }

    @Test
    void theGradientOfAConstantGradientIsZeroNotAnError() {
        // d/dx (3x + 2) = 3 is a constant: it does not depend on x, so d^2/dx^2 = 0 exactly
        Variable x = Variable.leaf("x", Tensor.vector(1.5, -2.0));
        Variable g = Autograd.grad(x.mul(3.0).add(2.0).sum(), x, true);
        assertThat(g.requiresGrad()).isFalse();
        Variable second = Autograd.grad(g.sum(), x, false);
        assertThat(second.value()).isEqualTo(Tensor.zeros(2));
    }
}
