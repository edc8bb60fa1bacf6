package dev.gradproof.maven;

import dev.gradproof.gradcheck.GradCheck;
import dev.gradproof.gradcheck.model.CheckVerdict;
import dev.gradproof.gradcheck.model.GradCheckResult;
import dev.gradproof.properties.recording.PropertyRun;
import dev.gradproof.reports.collect.CollectedResults;
import dev.gradproof.reports.collect.LoadedCheck;
import dev.gradproof.reports.collect.LoadedPropertyRun;
import dev.gradproof.reports.collect.UnreadableFile;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Results for the rules' tests, made by running gradcheck on closed forms (never written by hand):
 * f(x) = sum tanh(x_i) with its gradient 1 - tanh^2 (right) or 1 - tanh (the seeded bug of
 * examples/consumer: wrong). The verdict of each is asserted where it is made.
 */
final class Results {

    /** Three inputs: FULL mode compares each of them. */
    static final double[] X = {-0.7, 0.2, 1.3};

    private Results() {
    }

    private static double value(double[][] in) {
        double s = 0;
        for (double x : in[0]) {
            s += Math.tanh(x);
        }
        return s;
    }

    /** The right gradient of sum tanh: PASSED over 3 elements. */
    static GradCheckResult right() {
        GradCheckResult r = GradCheck.scalar(Results::value, in -> new double[][] {
                java.util.Arrays.stream(in[0]).map(x -> 1 - Math.tanh(x) * Math.tanh(x)).toArray()})
                .input("x", X).label("tanh right").record(false).check();
        assertThat(r.verdict()).as(r.failureMessage()).isEqualTo(CheckVerdict.PASSED);
        return r;
    }

    /** 1 - tanh instead of 1 - tanh^2: FAILED on the 3 elements (x != 0 and tanh x != 1 for each). */
    static GradCheckResult wrong(String label) {
        GradCheckResult r = GradCheck.scalar(Results::value, in -> new double[][] {
                java.util.Arrays.stream(in[0]).map(x -> 1 - Math.tanh(x)).toArray()})
                .input("x", X).label(label).record(false).check();
        assertThat(r.verdict()).isEqualTo(CheckVerdict.FAILED);
        assertThat(r.statistics().failed()).isEqualTo(X.length);
        return r;
    }

    /** A result as gradcheck would give it with another verdict (the rules read nothing else of it). */
    static GradCheckResult withVerdict(GradCheckResult r, CheckVerdict verdict, List<String> reasons) {
        return r.withVerdict(verdict, reasons);
    }

    static LoadedCheck loaded(GradCheckResult r) {
        return new LoadedCheck("core", Path.of("core/target/gradproof-results/" + r.label() + ".json"), r);
    }

    static LoadedPropertyRun run(String property, String status) {
        return run(property, status, false);
    }

    /** A property run of module core; {@code expectedFailure} as a run of a test tagged expected-failure records it. */
    static LoadedPropertyRun run(String property, String status, boolean expectedFailure) {
        return new LoadedPropertyRun("core", Path.of(property + ".json"), new PropertyRun(PropertyRun.FORMAT,
                PropertyRun.SCHEMA_VERSION, "com.example.EngineProperties", property, property, status, 100, 100,
                100, "12345", "RANDOMIZED", List.of(), List.of(), null, List.of(),
                "SUCCESSFUL".equals(status) ? null : "AssertionError: wrong\nsecond line", "2026-11-29T18:00:00Z",
                10, "17", expectedFailure, null));
    }

    static CollectedResults of(List<LoadedCheck> checks, List<LoadedPropertyRun> runs, List<UnreadableFile> unreadable) {
        return new CollectedResults(List.of(), checks, runs, unreadable, 0, null);
    }

    static CollectedResults of(GradCheckResult... checks) {
        return of(java.util.Arrays.stream(checks).map(Results::loaded).toList(), List.of(), List.of());
    }
}
