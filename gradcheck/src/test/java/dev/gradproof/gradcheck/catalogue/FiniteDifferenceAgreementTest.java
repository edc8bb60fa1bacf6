package dev.gradproof.gradcheck.catalogue;

import dev.gradproof.gradcheck.GradCheck;
import dev.gradproof.gradcheck.function.BranchRecord;
import dev.gradproof.gradcheck.function.CheckedFunction;
import dev.gradproof.gradcheck.function.Evaluation;
import dev.gradproof.gradcheck.function.Input;
import dev.gradproof.gradcheck.model.ElementRecord;
import dev.gradproof.gradcheck.model.GradCheckResult;
import dev.gradproof.gradcheck.model.InputResult;
import dev.gradproof.gradcheck.model.Verdict;
import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;
import org.apache.commons.math3.analysis.differentiation.FiniteDifferencesDifferentiator;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * gradcheck's numerical derivative (the central difference at 1e-6) agrees with an independent
 * estimate: Commons Math's 5-point {@link FiniteDifferencesDifferentiator} at a step of 1e-3 (less
 * for elements smaller than 1), at every element of every first-order sample of the catalogue whose stencil
 * stays on one side of every kink. Two estimates agree when they differ by no more than the sum of
 * their error bounds: gradcheck's tolerance for the element, and ten times the 5-point estimate's own
 * (its change between steps {@code s} and {@code 2s}, and its rounding).
 */
class FiniteDifferenceAgreementTest {

    private static final long SEED = Long.getLong(GradCheck.SEED_PROPERTY, GradCheck.DEFAULT_SEED);
    private static final double MACHINE_EPSILON = Math.ulp(1.0);
    /** The 5-point stencil's rounding amplification: sum |w_j| = (1 + 8 + 8 + 1) / 12. */
    private static final double FIVE_POINT_AMPLIFICATION = 1.5;

    /** An estimate of one derivative with its error bound; NaN when the stencil crossed a kink. */
    record Estimate(double value, double error) {
    }

    @Test
    void gradchecksCentralDifferenceAgreesWithAFivePointStencil() {
        DescriptiveStatistics relative = new DescriptiveStatistics();
        int samples = 0;
        int straddling = 0;
        int compared = 0;
        int unresolved = 0;
        for (OpSpec spec : OpCatalogue.specs()) {
            for (OpSample s : spec.samples(SEED)) {
                // auxiliary checks: every component kept, nothing recorded (the suite records the catalogue's results)
                GradCheckResult r = s.gradCheck().fullJacobianLimit(Integer.MAX_VALUE)
                        .recordsPerInput(Integer.MAX_VALUE).record(false).check();
                CheckedFunction f = s.function();
                double[][] point = s.inputs().stream().map(Input::values).toArray(double[][]::new);
                boolean[] wrt = new boolean[point.length];
                for (int i = 0; i < wrt.length; i++) {
                    wrt[i] = !s.dataInputs().contains(s.inputs().get(i).name());
                }
                Evaluation base = f.evaluate(point, wrt);
                samples++;
                for (InputResult in : r.inputs()) {
                    for (ElementRecord e : in.records()) {
                        if (e.verdict() != Verdict.PASS) {
                            continue;
                        }
                        Estimate five = fivePoint(f, point, wrt, base, in.index(), e.flatIndex(), component(e, r));
                        if (Double.isNaN(five.value())) {
                            straddling++;
                            continue;
                        }
                        double difference = Math.abs(e.numerical() - five.value());
                        assertThat(difference).as(s.label() + ": " + in.name() + e.index() + " central "
                                        + e.numerical() + " five-point " + five.value())
                                .isLessThanOrEqualTo(e.tolerance() + five.error());
                        if (Math.max(Math.abs(e.numerical()), Math.abs(five.value())) > 10 * (e.tolerance() + five.error())) {
                            relative.addValue(ElementRecord.relativeError(e.numerical(), five.value()));
                        } else {
                            unresolved++;
                        }
                        compared++;
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "finite differences (seed %d): %d samples, %d elements: gradcheck's central"
                        + " difference and Commons Math's 5-point stencil agree within their error bounds; where the"
                        + " derivative stands 10 times above both bounds (%d elements) their relative difference has"
                        + " median %.2g, 99th percentile %.2g, max %.2g; %d elements skipped (the 5-point stencil"
                        + " straddles a kink)%n", SEED, samples, compared, relative.getN(), relative.getPercentile(50),
                relative.getPercentile(99), relative.getMax(), straddling);
        assertThat(compared).isEqualTo(relative.getN() + unresolved);
        assertThat(relative.getN()).isGreaterThan(2000);
        assertThat(relative.getMax()).as("largest disagreement where the derivative is resolved").isLessThan(0.1);
        assertThat(relative.getPercentile(50)).as("typical disagreement").isLessThan(1e-8);
    }

    /** The row-major offset of the output component a record compares ({@code "output [1, 2]"}), 0 for a scalar. */
    private static int component(ElementRecord e, GradCheckResult r) {
        if (e.component() == null) {
            return 0;
        }
        assertThat(e.component()).startsWith("output [");
        String[] parts = e.component().substring("output [".length(), e.component().length() - 1).split(", ");
        int flat = 0;
        for (int d = 0; d < parts.length; d++) {
            flat = flat * r.outputShape().get(d) + Integer.parseInt(parts[d]);
        }
        return flat;
    }

    /**
     * The 5-point estimate of {@code d out[m] / d x[i][k]} at step {@code 1e-3 min(1, max(|x|, 1e-3))} (smaller
     * next to 0, where log, sqrt and 1/x end), with its error bound; NaN if any stencil point takes another
     * branch than the point itself.
     */
    private static Estimate fivePoint(CheckedFunction f, double[][] point, boolean[] wrt, Evaluation base, int i, int k,
                                      int m) {
        double x = point[i][k];
        double step = 1e-3 * Math.min(1, Math.max(Math.abs(x), 1e-3));
        boolean[] crossed = {false};
        double[] scale = {0};
        UnivariateFunction g = t -> {
            double[][] moved = point.clone();
            moved[i] = point[i].clone();
            moved[i][k] = t;
            Evaluation e = f.evaluate(moved, wrt);
            BranchRecord b = base.branches();
            if (b != null && b.firstDifference(e.branches()) != null) {
                crossed[0] = true;
            }
            scale[0] = Math.max(scale[0], Math.abs(e.output()[m]));
            return e.output()[m];
        };
        double d1 = derivative(g, x, step);
        double d2 = derivative(g, x, 2 * step);
        if (crossed[0]) {
            return new Estimate(Double.NaN, Double.NaN);
        }
        double rounding = FIVE_POINT_AMPLIFICATION * 4 * MACHINE_EPSILON * scale[0] / step;
        return new Estimate(d1, 10 * (Math.abs(d1 - d2) + rounding));
    }

    private static double derivative(UnivariateFunction g, double x, double step) {
        return new FiniteDifferencesDifferentiator(5, step).differentiate(g)
                .value(new DerivativeStructure(1, 1, 0, x)).getPartialDerivative(1);
    }

    @Test
    void aNumericalDerivativeOffByOnePartInAMillionWouldBeCaught() {
        OpSample s = OpCatalogue.spec("tanh").orElseThrow().samples(SEED).get(2);
        GradCheckResult r = s.gradCheck().recordsPerInput(Integer.MAX_VALUE).record(false).check();
        double[][] point = {s.inputs().get(0).values()};
        boolean[] wrt = {true};
        CheckedFunction f = s.function();
        Evaluation base = f.evaluate(point, wrt);
        int caught = 0;
        List<ElementRecord> records = r.inputs().get(0).records();
        for (ElementRecord e : records) {
            Estimate five = fivePoint(f, point, wrt, base, 0, e.flatIndex(), component(e, r));
            if (Math.abs(e.numerical() * (1 + 1e-6) - five.value()) > e.tolerance() + five.error()) {
                caught++;
            }
        }
        assertThat(records).hasSize(12);
        assertThat(caught).isEqualTo(records.size());
    }
}
