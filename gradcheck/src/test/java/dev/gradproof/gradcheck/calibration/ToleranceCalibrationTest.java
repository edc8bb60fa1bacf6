package dev.gradproof.gradcheck.calibration;

import dev.gradproof.autograd.Tensor;
import dev.gradproof.gradcheck.GradCheck;
import dev.gradproof.gradcheck.function.AutogradFunction;
import dev.gradproof.gradcheck.function.CheckedFunction;
import dev.gradproof.gradcheck.model.ElementRecord;
import dev.gradproof.gradcheck.model.GradCheckResult;
import dev.gradproof.gradcheck.model.InputResult;
import dev.gradproof.gradcheck.model.Mode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures the tolerance model over correct smooth ops at random points: the worst ratio of error
 * to tolerance (must stay well below 1: no false alarms) and the smallest relative bias of the
 * gradient that every check catches. Points per op: {@code -Dgradproof.sweep.points} (default 12);
 * the README's figures come from
 * {@code mvn -B -o -pl gradcheck -am verify -Dtest=ToleranceCalibrationTest -Dsurefire.failIfNoSpecifiedTests=false -Dgradproof.sweep.points=200}.
 */
class ToleranceCalibrationTest {

    private static final int POINTS = Integer.getInteger("gradproof.sweep.points", 12);
    private static final double[] BIASES = {1e-10, 3e-10, 1e-9, 3e-9, 1e-8, 3e-8, 1e-7, 3e-7, 1e-6};

    @Test
    void correctSmoothOpsStayFarBelowTheirTolerancesAndEveryBiasOfOneInAMillionIsCaught() {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                "%-32s %7s %9s %12s %14s %12s%n", "op", "points", "elements", "worst ratio", "median ratio",
                "caught bias"));
        double worstOverall = 0;
        long elements = 0;
        int falseAlarms = 0;
        int confirmations = 0;
        double largestCaught = 0;
        for (SmoothOp op : SmoothOp.all()) {
            List<Double> ratios = new ArrayList<>();
            long opElements = 0;
            boolean[] caughtEverywhere = new boolean[BIASES.length];
            java.util.Arrays.fill(caughtEverywhere, true);
            for (int p = 0; p < POINTS; p++) {
                List<SmoothOp.Named> inputs = op.sampler().apply(new Random(1000L * p + op.name().hashCode()));
                CheckedFunction f = new AutogradFunction(op.function(),
                        inputs.stream().map(SmoothOp.Named::name).toList(),
                        inputs.stream().map(n -> n.value().dims()).toList());
                GradCheckResult result = check(f, inputs);
                if (!result.passed()) {
                    falseAlarms++;
                    System.out.println("FALSE ALARM " + op.name() + "\n" + result.failureMessage());
                }
                for (InputResult in : result.inputs()) {
                    Tensor values = inputs.get(in.index()).value();
                    for (ElementRecord r : in.records()) {
                        ratios.add(r.errorRatio());
                    }
                    elements += in.elementsChecked();
                    opElements += in.elementsChecked();
                    assertThat(in.statistics().kinks()).as(op.name() + " has no kinks").isZero();
                }
                // a FAIL at the first step that a larger step overturned is counted in a note
                for (String note : result.notes()) {
                    if (note.contains("differed at the first step")) {
                        confirmations += Integer.parseInt(note.substring(0, note.indexOf(' ')));
                    }
                }
                ratios.add(result.statistics().maxErrorRatio());
                for (int b = 0; b < BIASES.length; b++) {
                    if (caughtEverywhere[b] && check(new BiasedFunction(f, BIASES[b]), inputs).passed()) {
                        caughtEverywhere[b] = false;
                    }
                }
            }
            double worst = ratios.stream().mapToDouble(Double::doubleValue).max().orElse(0);
            double median = ratios.stream().mapToDouble(Double::doubleValue).sorted().skip(ratios.size() / 2)
                    .findFirst().orElse(0);
            double caught = Double.NaN;
            for (int b = BIASES.length - 1; b >= 0 && caughtEverywhere[b]; b--) {
                caught = BIASES[b];
            }
            worstOverall = Math.max(worstOverall, worst);
            largestCaught = Double.isNaN(caught) ? Double.POSITIVE_INFINITY : Math.max(largestCaught, caught);
            table.append(String.format(Locale.ROOT, "%-32s %7d %9d %12.3g %14.3g %12s%n", op.name(), POINTS, opElements,
                    worst, median, Double.isNaN(caught) ? "none" : String.format(Locale.ROOT, "%.0e", caught)));
        }
        table.append(String.format(Locale.ROOT, "all ops: %d elements, %d false alarms, %d first-pass failures"
                + " overturned at a larger step, worst ratio %.3g, every op catches a relative bias of %.0e at every"
                + " point%n", elements, falseAlarms, confirmations, worstOverall, largestCaught));
        System.out.println(table);
        assertThat(falseAlarms).isZero();
        assertThat(confirmations).as("first-pass failures of correct functions").isZero();
        assertThat(worstOverall).isLessThan(0.5);
        assertThat(largestCaught).isLessThanOrEqualTo(1e-6);
    }

    private static GradCheckResult check(CheckedFunction f, List<SmoothOp.Named> inputs) {
        GradCheck check = GradCheck.of(f).mode(Mode.FULL).record(false).parallelism(1).recordsPerInput(1000)
                .roundingUlps(Double.parseDouble(System.getProperty("gradproof.sweep.roundingUlps", "4")));
        for (SmoothOp.Named n : inputs) {
            check.input(n.name(), n.value());
        }
        return check.check();
    }

}
