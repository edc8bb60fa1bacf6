package dev.gradproof.reports.view;

import dev.gradproof.autograd.Tensor;
import dev.gradproof.gradcheck.GradCheck;
import dev.gradproof.gradcheck.model.CheckVerdict;
import dev.gradproof.gradcheck.model.GradCheckResult;
import dev.gradproof.gradcheck.model.Mode;
import dev.gradproof.gradcheck.model.TestContext;
import dev.gradproof.reports.collect.CollectedResults;
import dev.gradproof.reports.collect.LoadedCheck;
import dev.gradproof.reports.collect.NotRun;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The counts of a report agree: the header, the per-op table and the histogram count the same
 * checks and elements; expected failures and INCONCLUSIVE checks are counted apart; the per-op table
 * ranks by error against tolerance.
 */
class ReportViewsTest {

    static final TestContext EXPECTED = new TestContext("a.WrongGradientsTest", "sigmaIsCaught", "junit-jupiter", "Test",
            true);

    static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /** tanh over 3 elements (PASS), the sigmoid's gradient sigma over 2 (FAIL), relu at 0 over 2 (KINK). */
    static GradCheckResult tanh() {
        return GradCheck.of(v -> v.get(0).tanh().sum()).input("x", new double[] {0.1, -0.4, 2}).op("tanh")
                .label("tanh").record(false).check();
    }

    static GradCheckResult wrong(String op) {
        return GradCheck.scalar(in -> sigmoid(in[0][0]) + sigmoid(in[0][1]),
                        in -> new double[][] {{sigmoid(in[0][0]), sigmoid(in[0][1])}})
                .input("x", new double[] {0.5, -1}).op(op).label("sigma").record(false).check();
    }

    /** The result with another verdict and evidence, as gradcheck's soundness rules would give it (built by hand). */
    static GradCheckResult with(GradCheckResult r, CheckVerdict verdict, List<String> reasons, Double detectableError,
                                Double coverage) {
        return new GradCheckResult(r.schemaVersion(), r.kind(), r.label(), r.op(), r.mode(), r.seed(), r.tolerances(),
                r.samplesPerInput(), r.projections(), r.outputShape(), r.inputs(), r.directions(), r.findings(),
                r.notes(), r.fastConfidence(), r.statistics(), verdict, reasons, detectableError, coverage, r.replay(),
                r.context(), r.run());
    }

    static GradCheckResult inconclusive(GradCheckResult r, String reason) {
        return with(r, CheckVerdict.INCONCLUSIVE, List.of(reason), r.detectableError(), r.coverage());
    }

    private static ReportView report(List<GradCheckResult> results, List<NotRun> notRun) {
        List<LoadedCheck> checks = new ArrayList<>();
        for (GradCheckResult r : results) {
            checks.add(new LoadedCheck("m", Path.of(r.label() + ".json"), r));
        }
        return ReportViews.of(new CollectedResults(List.of(), checks, List.of(), List.of(), 0, null, notRun), "t",
                Instant.EPOCH);
    }

    @Test
    void expectedFailuresAndInconclusiveChecksAreCountedApartAndTheCountsAgree() {
        GradCheckResult tanh = tanh();
        GradCheckResult wrong = wrong("sigmoid");
        GradCheckResult expected = wrong("sigmoid").withContext(EXPECTED);
        GradCheckResult unsure = inconclusive(tanh(), "only 3 elements were compared; use FULL mode");
        GradCheckResult relu = GradCheck.of(v -> v.get(0).relu().sum()).input("x", new double[] {0, 1}).op("relu")
                .record(false).check();

        ReportView report = report(List.of(tanh, wrong, expected, unsure, relu),
                List.of(new NotRun("sigmoid", "a sample", "IllegalStateException: no sample")));

        Counts c = report.counts();
        assertThat(List.of(c.checks(), c.passed(), c.failed(), c.inconclusive(), c.expectedFailures(), c.kinks(),
                c.notRun())).containsExactly(5, 1, 1, 1, 1, 1, 1);
        assertThat(c.allPassed()).isFalse();
        // elements: 3 (tanh) + 2 (wrong) + 3 (inconclusive) + 2 (relu); the expected failure's 2 are left out
        assertThat(c.elements()).isEqualTo(10);
        assertThat(report.histogram().total()).isEqualTo(c.elements());
        assertThat(report.histogram().failed()).isEqualTo(2);
        assertThat(report.ops().stream().mapToInt(OpRow::checks).sum()).isEqualTo(c.checks());
        OpRow sigmoid = report.ops().stream().filter(o -> o.op().equals("sigmoid")).findFirst().orElseThrow();
        assertThat(List.of(sigmoid.checks(), sigmoid.failed(), sigmoid.expectedFailures())).containsExactly(2, 1, 1);
        assertThat(sigmoid.statusClass()).isEqualTo("fail");
        assertThat(report.checks()).extracting(CheckView::status).containsExactly(CheckStatus.PASS, CheckStatus.FAIL,
                CheckStatus.EXPECTED_FAIL, CheckStatus.INCONCLUSIVE, CheckStatus.KINK);
        assertThat(report.checks().get(3).details().reasons()).containsExactly("only 3 elements were compared; use FULL mode");
        assertThat(report.checks().get(3).details().verdict()).isEqualTo("INCONCLUSIVE");
    }

    @Test
    void aCheckMarkedExpectedThatPassesIsAPass() {
        ReportView report = report(List.of(tanh().withContext(EXPECTED)), List.of());

        assertThat(report.checks().get(0).status()).isEqualTo(CheckStatus.PASS);
        assertThat(report.counts().allPassed()).isTrue();
    }

    @Test
    void thePerOpTableRanksByErrorAgainstToleranceNotByTheRelativeErrorOfTinyValues() {
        // sigmoid(-40)' ~ 4e-18: analytic and numerical both tiny, relative error up to 1, far within tolerance
        GradCheckResult saturated = GradCheck.of(v -> v.get(0).sigmoid().sum()).input("x", new double[] {-40, -38})
                .op("sigmoid").record(false).check();
        GradCheckResult tanh = tanh();
        assertThat(saturated.passed()).as(saturated.failureMessage()).isTrue();

        ReportView report = report(List.of(saturated, tanh), List.of());

        OpRow sigmoid = report.ops().stream().filter(o -> o.op().equals("sigmoid")).findFirst().orElseThrow();
        assertThat(sigmoid.worstErrorRatio()).isEqualTo(saturated.statistics().maxErrorRatio()).isLessThanOrEqualTo(1);
        assertThat(sigmoid.worstRelativeError()).isEqualTo(saturated.statistics().maxRelativeError());
        assertThat(sigmoid.statusClass()).isEqualTo("pass");
    }

    @Test
    void detailsCarryTheDetectableErrorAndTheCoverageOfASampledCheck() {
        GradCheckResult sampled = GradCheck.of(v -> v.get(0).tanh().sum()).input("x", Tensor.randn(3, 40))
                .mode(Mode.SAMPLED).samples(10).record(false).check();
        // 10 of 40 elements compared: an error confined to one element is caught with probability 1/4
        GradCheckResult stated = with(sampled, CheckVerdict.PASSED, List.of(), 3.0e-7, 10 / 40.0);

        CheckDetails d = report(List.of(stated), List.of()).checks().get(0).details();

        assertThat(d.coverage()).isEqualTo("0.25");
        assertThat(d.detectableError()).isEqualTo("3.0e-7");
        assertThat(d.verdict()).isEqualTo("PASSED");
        assertThat(d.reasons()).isEmpty();
    }

    @Test
    void withoutEvidenceStatedTheDetailsSayNothingRatherThanZero() {
        CheckDetails d = report(List.of(with(tanh(), CheckVerdict.PASSED, List.of(), null, null)), List.of()).checks()
                .get(0).details();

        assertThat(d.coverage()).isEmpty();
        assertThat(d.detectableError()).isEmpty();
    }
}
