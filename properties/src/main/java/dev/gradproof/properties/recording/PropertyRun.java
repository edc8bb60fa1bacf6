package dev.gradproof.properties.recording;

import java.util.List;

/**
 * One run of a jqwik property, as recorded for the report.
 *
 * @param format          {@value #FORMAT}: tells this file from a gradcheck result in the same folder
 * @param schemaVersion   {@link #SCHEMA_VERSION} of the layout
 * @param testClass       the fully qualified class of the property
 * @param property        the property method
 * @param label           jqwik's label of the property (with its container)
 * @param status          {@code SUCCESSFUL}, {@code FAILED} or {@code ABORTED}
 * @param tries           how many tries were generated
 * @param checks          how many of them were checked (tries minus rejected assumptions)
 * @param configuredTries the tries asked for, if set
 * @param seed            the seed that replays the run
 * @param generation      jqwik's generation mode, if set
 * @param statistics      the statistics and coverage reports the property published, as jqwik printed them
 * @param counterexample  the shrunk falsifying sample, one entry per parameter; empty when none
 * @param shrinkingSteps  how many shrinking steps led to it, or null
 * @param originalSample  the falsifying sample before shrinking; empty when none
 * @param failure         the error that failed or aborted the property (message only), or null
 * @param timestamp       when the run finished (ISO-8601)
 * @param durationMillis  how long it took
 * @param javaVersion     {@code java.version}
 * @param expectedFailure true when the property's class or method is tagged {@code expected-failure}
 *                        or its contract's {@code failuresExpected()} says so (a suite that proves the
 *                        kit finds a broken engine's faults): a report shows its failure apart
 * @param kit             for a property of the contract kit, its rule and what it found
 *                        ({@link KitOutcome}); null for other properties
 */
public record PropertyRun(
        String format,
        int schemaVersion,
        String testClass,
        String property,
        String label,
        String status,
        int tries,
        int checks,
        Integer configuredTries,
        String seed,
        String generation,
        List<Report> statistics,
        List<String> counterexample,
        Integer shrinkingSteps,
        List<String> originalSample,
        String failure,
        String timestamp,
        long durationMillis,
        String javaVersion,
        boolean expectedFailure,
        KitOutcome kit) {

    /** The value of {@link #format()}. */
    public static final String FORMAT = "gradproof-property-run";
    /** The version of the layout: 2 added {@link #kit()}. */
    public static final int SCHEMA_VERSION = 2;

    /** Copies the lists. */
    public PropertyRun {
        statistics = statistics == null ? List.of() : List.copyOf(statistics);
        counterexample = counterexample == null ? List.of() : List.copyOf(counterexample);
        originalSample = originalSample == null ? List.of() : List.copyOf(originalSample);
    }

    /** A run without kit outcome, not marked as expected to fail: the layout of schema 1. */
    public PropertyRun(String format, int schemaVersion, String testClass, String property, String label, String status,
                       int tries, int checks, Integer configuredTries, String seed, String generation,
                       List<Report> statistics, List<String> counterexample, Integer shrinkingSteps,
                       List<String> originalSample, String failure, String timestamp, long durationMillis,
                       String javaVersion) {
        this(format, schemaVersion, testClass, property, label, status, tries, checks, configuredTries, seed, generation,
                statistics, counterexample, shrinkingSteps, originalSample, failure, timestamp, durationMillis,
                javaVersion, false, null);
    }

    /** {@code SimpleClassName.property}. */
    public String shortName() {
        return testClass.substring(testClass.lastIndexOf('.') + 1) + "." + property;
    }

    /**
     * A report the property published (statistics, coverage).
     *
     * @param key  jqwik's key, such as {@code [relu] (1000) statistics}
     * @param text the report as jqwik formatted it
     */
    public record Report(String key, String text) {
    }
}
