package dev.gradproof.maven;

import dev.gradproof.gradcheck.model.CheckVerdict;
import dev.gradproof.gradcheck.model.ErrorStatistics;
import dev.gradproof.reports.collect.CollectedResults;
import dev.gradproof.reports.collect.LoadedCheck;
import dev.gradproof.reports.collect.LoadedPropertyRun;
import dev.gradproof.reports.view.CheckStatus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The rules the {@code check} goal holds recorded results to, each named after its parameter. A
 * rule is broken by any check (or property run) that does not meet it; the message names how many
 * broke it and the worst of them, so that the build log alone says where to look. Checks and property
 * runs of tests tagged {@code expected-failure} are held to no rule: they fail on purpose (a known bug
 * of the engine under test, a seeded fault), and their test itself fails when they stop failing. The
 * report counts them apart as expected failures.
 *
 * @param failOnFailed          any check whose verdict is FAILED breaks the build
 * @param failOnInconclusive    any check whose verdict is INCONCLUSIVE breaks the build (a check that
 *                              cannot support a PASS is not a pass)
 * @param maxErrorRatio         the largest {@code |a - n| / tolerance} any check may reach, or null for no limit
 *                              (a ratio above 1 is a FAIL already; a smaller limit asks for head room)
 * @param minCompared           the fewest elements (or directions) every check must have compared
 * @param maxFailedPropertyRuns how many jqwik property runs may end FAILED or ABORTED
 * @param failOnUnreadable      a result file that cannot be read breaks the build (it could hide a FAIL)
 */
public record CheckRules(
        boolean failOnFailed,
        boolean failOnInconclusive,
        Double maxErrorRatio,
        int minCompared,
        int maxFailedPropertyRuns,
        boolean failOnUnreadable) {

    /** The defaults of the {@code check} goal: nothing but PASSED checks and successful property runs. */
    public static final CheckRules DEFAULTS = new CheckRules(true, true, null, 0, 0, true);

    /** The worst check first: FAILED before INCONCLUSIVE before PASSED, then the larger error ratio. */
    static final Comparator<LoadedCheck> WORST_FIRST = Comparator
            .comparing((LoadedCheck c) -> c.result().verdict()).reversed()
            .thenComparing(Comparator.comparingDouble(CheckRules::errorRatio).reversed());

    /**
     * Checks the arguments.
     *
     * @throws IllegalArgumentException naming the parameter and its value when a limit is negative or NaN
     */
    public CheckRules {
        if (maxErrorRatio != null && !(maxErrorRatio >= 0)) {
            throw new IllegalArgumentException("maxErrorRatio must be a number >= 0, got " + maxErrorRatio);
        }
        if (minCompared < 0) {
            throw new IllegalArgumentException("minCompared must be >= 0, got " + minCompared);
        }
        if (maxFailedPropertyRuns < 0) {
            throw new IllegalArgumentException("maxFailedPropertyRuns must be >= 0, got " + maxFailedPropertyRuns);
        }
    }

    /** Every rule the results break, in the order of the parameters; empty when the build may pass. */
    public List<BrokenRule> brokenBy(CollectedResults results) {
        List<BrokenRule> broken = new ArrayList<>();
        List<LoadedCheck> checks = results.checks().stream().filter(c -> !CheckStatus.expectedToFail(c.result())).toList();
        if (failOnFailed) {
            breach("failOnFailed", checks, c -> c.result().verdict() == CheckVerdict.FAILED,
                    "checks FAILED").ifPresent(broken::add);
        }
        if (failOnInconclusive) {
            breach("failOnInconclusive", checks, c -> c.result().verdict() == CheckVerdict.INCONCLUSIVE,
                    "checks are INCONCLUSIVE").ifPresent(broken::add);
        }
        if (maxErrorRatio != null) {
            breach("maxErrorRatio", checks, c -> !(errorRatio(c) <= maxErrorRatio),
                    "checks exceed the error-to-tolerance ratio " + maxErrorRatio).ifPresent(broken::add);
        }
        if (minCompared > 0) {
            breach("minCompared", checks, c -> statistics(c).checked() < minCompared,
                    "checks compared fewer than " + minCompared + " elements").ifPresent(broken::add);
        }
        failedPropertyRuns(results.properties()).ifPresent(broken::add);
        if (failOnUnreadable && !results.unreadable().isEmpty()) {
            var first = results.unreadable().get(0);
            broken.add(new BrokenRule("failOnUnreadable", results.unreadable().size()
                    + " result files could not be read; first: " + first.file() + " (module " + first.module()
                    + "): " + first.problem()));
        }
        return broken;
    }

    /** The rule broken by the checks that {@code breaks}, with the worst of them described. */
    private static Optional<BrokenRule> breach(String rule, List<LoadedCheck> checks, Predicate<LoadedCheck> breaks,
            String what) {
        List<LoadedCheck> offenders = checks.stream().filter(breaks).sorted(WORST_FIRST).toList();
        if (offenders.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new BrokenRule(rule, offenders.size() + " of " + checks.size() + " " + what
                + "; worst: " + describe(offenders.get(0))));
    }

    private Optional<BrokenRule> failedPropertyRuns(List<LoadedPropertyRun> runs) {
        // SKIPPED runs (the engine does not declare what the property needs) neither pass nor fail
        List<LoadedPropertyRun> failed = runs.stream().filter(r -> !r.run().expectedFailure())
                .filter(r -> "FAILED".equals(r.run().status()) || "ABORTED".equals(r.run().status())).toList();
        if (failed.size() <= maxFailedPropertyRuns) {
            return Optional.empty();
        }
        LoadedPropertyRun first = failed.get(0);
        String failure = first.run().failure() == null ? "" : ": " + first.run().failure().lines().findFirst().orElse("");
        return Optional.of(new BrokenRule("maxFailedPropertyRuns", failed.size() + " of " + runs.size()
                + " property runs failed or aborted (at most " + maxFailedPropertyRuns + " allowed); first: "
                + first.run().shortName() + " " + first.run().status() + " (module " + first.module() + ", seed "
                + first.run().seed() + ")" + failure));
    }

    /** The worst check in words: its name, verdict, ratio, compared elements, first reason and replay line. */
    static String describe(LoadedCheck check) {
        var result = check.result();
        ErrorStatistics s = statistics(check);
        return CheckNames.of(check) + ": verdict " + result.verdict() + ", max error ratio "
                + String.format(java.util.Locale.ROOT, "%.3g", errorRatio(check)) + ", " + s.failed() + " of "
                + s.checked() + " compared elements failed"
                + (result.reasons().isEmpty() ? "" : "; " + result.reasons().get(0))
                + (result.replay() == null ? "" : "; replay: " + result.replay());
    }

    private static ErrorStatistics statistics(LoadedCheck check) {
        ErrorStatistics s = check.result().statistics();
        return s == null ? ErrorStatistics.empty() : s;
    }

    /** The check's largest error-to-tolerance ratio; NaN counts as infinitely large. */
    private static double errorRatio(LoadedCheck check) {
        double ratio = statistics(check).maxErrorRatio();
        return Double.isNaN(ratio) ? Double.POSITIVE_INFINITY : ratio;
    }
}
