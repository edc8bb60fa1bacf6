package dev.gradproof.maven;

import dev.gradproof.gradcheck.model.CheckVerdict;
import dev.gradproof.gradcheck.model.GradCheckResult;
import dev.gradproof.gradcheck.model.TestContext;
import dev.gradproof.reports.collect.UnreadableFile;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CheckRulesTest {

    private static List<String> broken(CheckRules rules, dev.gradproof.reports.collect.CollectedResults results) {
        return rules.brokenBy(results).stream().map(BrokenRule::rule).toList();
    }

    @Test
    void rightGradientsAndSuccessfulRunsBreakNoDefaultRule() {
        var results = Results.of(List.of(Results.loaded(Results.right())),
                List.of(Results.run("p", "SUCCESSFUL")), List.of());
        assertThat(CheckRules.DEFAULTS.brokenBy(results)).isEmpty();
    }

    @Test
    void aFailedCheckBreaksFailOnFailedAndTheMessageNamesItsVerdictElementsAndReplay() {
        GradCheckResult wrong = Results.wrong("tanh wrong");
        List<BrokenRule> broken = CheckRules.DEFAULTS.brokenBy(Results.of(Results.right(), wrong));

        assertThat(broken).extracting(BrokenRule::rule).containsExactly("failOnFailed");
        assertThat(broken.get(0).message())
                .startsWith("1 of 2 checks FAILED; worst: \"tanh wrong\" (module core")
                .contains("verdict FAILED", "3 of 3 compared elements failed", "replay: " + wrong.replay());
        assertThat(broken.get(0).toString()).startsWith("rule failOnFailed: 1 of 2 checks FAILED");
    }

    @Test
    void failOnFailedOffLetsAFailedCheckThrough() {
        CheckRules rules = new CheckRules(false, true, null, 0, 0, true);
        assertThat(rules.brokenBy(Results.of(Results.wrong("w")))).isEmpty();
    }

    @Test
    void anInconclusiveCheckBreaksFailOnInconclusiveWithItsFirstReason() {
        GradCheckResult inconclusive = Results.withVerdict(Results.right(), CheckVerdict.INCONCLUSIVE,
                List.of("too few elements compared: compare more"));
        List<BrokenRule> broken = CheckRules.DEFAULTS.brokenBy(Results.of(inconclusive));

        assertThat(broken).extracting(BrokenRule::rule).containsExactly("failOnInconclusive");
        assertThat(broken.get(0).message()).startsWith("1 of 1 checks are INCONCLUSIVE")
                .contains("verdict INCONCLUSIVE", "too few elements compared: compare more");
        assertThat(new CheckRules(true, false, null, 0, 0, true).brokenBy(Results.of(inconclusive))).isEmpty();
    }

    @Test
    void maxErrorRatioOfOneIsBrokenByAFailAndNotByAPass() {
        // a FAIL is an element whose error exceeds its tolerance (ratio > 1); a PASS has every ratio <= 1
        CheckRules ratioOne = new CheckRules(false, false, 1.0, 0, 0, true);
        assertThat(broken(ratioOne, Results.of(Results.wrong("w")))).containsExactly("maxErrorRatio");
        assertThat(broken(ratioOne, Results.of(Results.right()))).isEmpty();
    }

    @Test
    void maxErrorRatioCountsANanRatioAsBroken() {
        GradCheckResult right = Results.right();
        var s = right.statistics();
        var nan = new dev.gradproof.gradcheck.model.ErrorStatistics(s.checked(), s.passed(), s.failed(), s.kinks(),
                1, s.maxRelativeError(), s.medianRelativeError(), s.p99RelativeError(), Double.NaN, s.bands());
        GradCheckResult withNan = right.withStatistics(nan);
        assertThat(broken(new CheckRules(false, false, 1e300, 0, 0, true), Results.of(withNan)))
                .containsExactly("maxErrorRatio");
    }

    @Test
    void minComparedIsMetByExactlyTheElementsCompared() {
        // FULL mode compares every element of x: 3
        assertThat(broken(new CheckRules(true, true, null, Results.X.length, 0, true), Results.of(Results.right())))
                .isEmpty();
        List<BrokenRule> broken = new CheckRules(true, true, null, Results.X.length + 1, 0, true)
                .brokenBy(Results.of(Results.right()));
        assertThat(broken).extracting(BrokenRule::rule).containsExactly("minCompared");
        assertThat(broken.get(0).message()).startsWith("1 of 1 checks compared fewer than 4 elements");
    }

    @Test
    void failedAndAbortedPropertyRunsCountAgainstMaxFailedPropertyRunsAndSkippedOnesDoNot() {
        var results = Results.of(List.of(), List.of(Results.run("a", "SUCCESSFUL"), Results.run("b", "FAILED"),
                Results.run("c", "ABORTED"), Results.run("d", "SKIPPED")), List.of());
        assertThat(broken(new CheckRules(true, true, null, 0, 2, true), results)).isEmpty();
        List<BrokenRule> broken = new CheckRules(true, true, null, 0, 1, true).brokenBy(results);
        assertThat(broken).extracting(BrokenRule::rule).containsExactly("maxFailedPropertyRuns");
        assertThat(broken.get(0).message())
                .isEqualTo("2 of 4 property runs failed or aborted (at most 1 allowed); first: EngineProperties.b "
                        + "FAILED (module core, seed 12345): AssertionError: wrong");
    }

    @Test
    void checksAndPropertyRunsOfTestsTaggedExpectedFailureBreakNoRule() {
        var expected = new TestContext("com.example.KnownBugsTest", "divBug",
                "junit-jupiter", "Test", true);
        GradCheckResult failedOnPurpose = Results.wrong("known div bug").withContext(expected);
        GradCheckResult inconclusiveOnPurpose = Results.withVerdict(Results.right(), CheckVerdict.INCONCLUSIVE,
                List.of("noise")).withContext(expected);
        var failedRun = Results.run("b", "FAILED");
        var runOnPurpose = Results.run("b", "FAILED", true);
        var results = Results.of(List.of(Results.loaded(failedOnPurpose), Results.loaded(inconclusiveOnPurpose)),
                List.of(runOnPurpose), List.of());
        assertThat(CheckRules.DEFAULTS.brokenBy(results)).isEmpty();
        assertThat(broken(new CheckRules(true, true, 1.0, 0, 0, true), results)).isEmpty();

        // the same failure without the tag breaks the rules
        var untagged = Results.of(List.of(Results.loaded(Results.wrong("known div bug"))), List.of(failedRun), List.of());
        assertThat(broken(CheckRules.DEFAULTS, untagged)).containsExactly("failOnFailed", "maxFailedPropertyRuns");
    }

    @Test
    void anUnreadableFileBreaksFailOnUnreadableUnlessTurnedOff() {
        var unreadable = new UnreadableFile("core", Path.of("core/target/gradproof-results/x.json"), 12,
                "partial: the JSON ends early");
        var results = Results.of(List.of(), List.of(), List.of(unreadable));
        List<BrokenRule> broken = CheckRules.DEFAULTS.brokenBy(results);
        assertThat(broken).extracting(BrokenRule::rule).containsExactly("failOnUnreadable");
        assertThat(broken.get(0).message()).isEqualTo("1 result files could not be read; first: "
                + unreadable.file() + " (module core): partial: the JSON ends early");
        assertThat(new CheckRules(true, true, null, 0, 0, false).brokenBy(results)).isEmpty();
    }

    @Test
    void theWorstCheckIsFailedBeforeInconclusiveThenTheLargerRatio() {
        GradCheckResult inconclusive = Results.withVerdict(Results.right(), CheckVerdict.INCONCLUSIVE, List.of("r"));
        GradCheckResult wrong = Results.wrong("w");
        var sorted = List.of(Results.loaded(Results.right()), Results.loaded(inconclusive), Results.loaded(wrong))
                .stream().sorted(CheckRules.WORST_FIRST).map(c -> c.result().verdict()).toList();
        assertThat(sorted).containsExactly(CheckVerdict.FAILED, CheckVerdict.INCONCLUSIVE, CheckVerdict.PASSED);

        // the same FAILED check with a doubled ratio comes first
        var s = wrong.statistics();
        var doubled = new dev.gradproof.gradcheck.model.ErrorStatistics(s.checked(), s.passed(), s.failed(),
                s.kinks(), s.nonFinite(), s.maxRelativeError(), s.medianRelativeError(), s.p99RelativeError(),
                2 * s.maxErrorRatio(), s.bands());
        GradCheckResult worse = wrong.withLabel("worse", wrong.op()).withStatistics(doubled);
        assertThat(CheckRules.DEFAULTS.brokenBy(Results.of(wrong, worse)).get(0).message())
                .contains("worst: \"worse\"");
    }

    @Test
    void limitsOutOfRangeAreRejectedNamingTheParameter() {
        assertThatThrownBy(() -> new CheckRules(true, true, -1.0, 0, 0, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxErrorRatio must be a number >= 0, got -1.0");
        assertThatThrownBy(() -> new CheckRules(true, true, Double.NaN, 0, 0, true))
                .hasMessage("maxErrorRatio must be a number >= 0, got NaN");
        assertThatThrownBy(() -> new CheckRules(true, true, null, -2, 0, true))
                .hasMessage("minCompared must be >= 0, got -2");
        assertThatThrownBy(() -> new CheckRules(true, true, null, 0, -1, true))
                .hasMessage("maxFailedPropertyRuns must be >= 0, got -1");
    }
}
