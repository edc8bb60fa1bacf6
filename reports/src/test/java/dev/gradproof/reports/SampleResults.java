package dev.gradproof.reports;

import dev.gradproof.autograd.Tensor;
import dev.gradproof.gradcheck.GradCheck;
import dev.gradproof.gradcheck.model.CheckVerdict;
import dev.gradproof.gradcheck.model.GradCheckResult;
import dev.gradproof.gradcheck.model.TestContext;
import dev.gradproof.gradcheck.recording.ResultRecorder;
import dev.gradproof.properties.recording.PropertyRun;
import dev.gradproof.properties.recording.PropertyRunRecorder;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real gradcheck results for the report's tests, made by running gradcheck (never written by
 * hand): three that pass, one wrong backward that fails, one ReLU at its kink, and one whose label
 * and input name are HTML that must stay text. Each result's verdict is asserted where it is made,
 * so that the tests built on them state exact counts.
 */
final class SampleResults {

    /** A label that would run if the page did not escape it. */
    static final String SCRIPT_LABEL = "<script>window.gradproofXss = 1; alert('xss')</script>";
    /** An input name that would run if the page did not escape it. */
    static final String IMG_INPUT = "<img src=x onerror=\"window.gradproofXss = 2\">";

    static final int PASSED = 3;
    static final int FAILED = 1;
    static final int KINKS = 1;
    static final int CHECKS = PASSED + FAILED + KINKS;

    private SampleResults() {
    }

    static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /** The results, in a fixed order. */
    static List<GradCheckResult> all() {
        GradCheckResult matmul = GradCheck.of(v -> v.get(0).matmul(v.get(1)).tanh().sum())
                .input("w", Tensor.randn(1, 6, 8)).input("x", Tensor.randn(2, 8, 3))
                .label("matmul [6, 8] @ [8, 3]").op("matmul").record(false).check();
        assertThat(matmul.passed()).as(matmul.failureMessage()).isTrue();
        assertThat(matmul.statistics().kinks()).isZero();

        GradCheckResult sigmoid = GradCheck.of(v -> v.get(0).sigmoid().sum())
                .input("x", new double[] {-2, -0.5, 0.25, 1, 3})
                .label("sigmoid [5]").op("sigmoid").record(false).check();
        assertThat(sigmoid.passed()).as(sigmoid.failureMessage()).isTrue();
        assertThat(sigmoid.statistics().kinks()).isZero();

        // The notes' classic mistake: the gradient sigma instead of sigma (1 - sigma).
        GradCheckResult wrong = GradCheck.scalar(
                        in -> {
                            double s = 0;
                            for (double x : in[0]) {
                                s += sigmoid(x);
                            }
                            return s;
                        },
                        in -> {
                            double[] g = new double[in[0].length];
                            for (int k = 0; k < g.length; k++) {
                                g[k] = sigmoid(in[0][k]);
                            }
                            return new double[][] {g};
                        })
                .input("x", new double[] {-1, 0.5, 2})
                .label("sigmoid with the wrong backward").op("sigmoid").record(false).check();
        assertThat(wrong.passed()).isFalse();

        GradCheckResult relu = GradCheck.of(v -> v.get(0).relu().sum())
                .input("x", new double[] {-1, 0, 2})
                .label("relu at its kink").op("relu").record(false).check();
        assertThat(relu.passed()).as(relu.failureMessage()).isTrue();
        assertThat(relu.statistics().kinks()).isEqualTo(1);

        GradCheckResult hostile = GradCheck.of(v -> v.get(0).tanh().sum())
                .input(IMG_INPUT, new double[] {0.1, 0.2})
                .label(SCRIPT_LABEL).op("tanh").record(false).check();
        assertThat(hostile.passed()).as(hostile.failureMessage()).isTrue();
        assertThat(hostile.statistics().kinks()).isZero();

        return List.of(matmul, sigmoid, wrong, relu, hostile);
    }

    /**
     * A result as another check would have recorded it: the same elements under another label, op,
     * verdict (with its reasons) and test context. For results gradcheck itself does not produce
     * here, such as an INCONCLUSIVE one, or a failure its test marks as expected.
     */
    static GradCheckResult variant(GradCheckResult r, String label, String op, CheckVerdict verdict,
                                   List<String> reasons, TestContext context) {
        return r.withLabel(label, op).withVerdict(verdict, reasons).withContext(context);
    }

    static final int PROPERTY_RUNS = 3;
    /** A counterexample that would be markup if the page did not escape it. */
    static final String MARKUP_COUNTEREXAMPLE = "sum(relu(x[2] <b>bold</b>))";

    /**
     * Property runs as the recorder writes them (their rendering is what is tested here; the
     * recorder itself is tested in the properties module and by the listener's test): one
     * successful with jqwik's statistics report, one falsified and shrunk, one aborted.
     */
    static List<PropertyRun> propertyRuns() {
        String statistics = "    negative     (24) :  48 %\n    non-negative (26) :  52 %\n";
        return List.of(
                new PropertyRun(PropertyRun.FORMAT, PropertyRun.SCHEMA_VERSION, "com.example.GraphProperties",
                        "gradientsHaveTheirShapes", "GraphProperties:gradientsHaveTheirShapes", "SUCCESSFUL", 50, 50,
                        50, "42", "RANDOMIZED",
                        List.of(new PropertyRun.Report("[GraphProperties:gradientsHaveTheirShapes] (50) statistics",
                                statistics)),
                        List.of(), null, List.of(), null, "2026-01-01T00:00:00Z", 12, "17"),
                new PropertyRun(PropertyRun.FORMAT, PropertyRun.SCHEMA_VERSION, "com.example.BrokenEngineProperties",
                        "forksAccumulate", "BrokenEngineProperties:forksAccumulate", "FAILED", 7, 7, 100, "-123",
                        "RANDOMIZED", List.of(), List.of(MARKUP_COUNTEREXAMPLE), 12, List.of("sum(relu(x[5, 3]))"),
                        "AssertionError: the gradient of x differs", "2026-01-01T00:00:01Z", 40, "17"),
                new PropertyRun(PropertyRun.FORMAT, PropertyRun.SCHEMA_VERSION, "com.example.TinyContractProperties",
                        "hessianVectorProducts", "TinyContractProperties:hessianVectorProducts", "ABORTED", 0, 0,
                        null, "7", null, List.of(), List.of(), null, List.of(),
                        "TestAbortedException: not supported: tiny does not declare capability SECOND_ORDER",
                        "2026-01-01T00:00:02Z", 1, "17"));
    }

    /** Writes the results and property runs into {@code directory} as the recorders do; returns the directory. */
    static Path writeTo(Path directory) {
        for (GradCheckResult r : all()) {
            ResultRecorder.write(r, directory);
        }
        for (PropertyRun run : propertyRuns()) {
            PropertyRunRecorder.write(run, directory);
        }
        return directory;
    }
}
