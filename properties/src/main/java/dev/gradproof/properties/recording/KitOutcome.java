package dev.gradproof.properties.recording;

import java.util.List;
import java.util.Map;

/**
 * What a property of the contract kit found about an engine, beyond jqwik's status: the rule it
 * verifies, how it ended, and the tries it did not run. Recorded in {@link PropertyRun#kit()} so
 * that a report can list skipped rules with their reasons, crashes apart from wrong results, and
 * known faults, every number with its label.
 *
 * @param ruleId       the rule's stable ID, such as {@code KIT-101}
 * @param rule         the rule's one-line statement
 * @param engine       the engine's name as its adapter gives it
 * @param verdict      how the rule ended for the engine
 * @param reason       why it was skipped, or the first line of the failure; null when verified
 * @param declined     tries the adapter declined ({@code Unsupported}), counted per reason
 * @param knownFaults  tries not run because they meet a known fault, counted per fault
 * @param crash        what the engine threw, when the verdict is {@link Verdict#ENGINE_THREW}; else null
 * @param failuresExpected whether the run marked its failures as expected (a suite of deliberately
 *                     broken engines); only then may a report say they were "on purpose"
 */
public record KitOutcome(String ruleId, String rule, String engine, Verdict verdict, String reason,
                         Map<String, Integer> declined, Map<String, Integer> knownFaults, Crash crash,
                         boolean failuresExpected) {

    /** How a rule ended for an engine. */
    public enum Verdict {
        /** Every run try held. */
        VERIFIED,
        /** Not run, or no try could be run: the reason says why (a missing op or capability, every try declined). */
        SKIPPED,
        /** The engine computed a wrong value or gradient. */
        WRONG_RESULT,
        /** The engine threw (an exception, a {@code StackOverflowError}, an {@code OutOfMemoryError}). */
        ENGINE_THREW
    }

    /**
     * A throwable from the engine.
     *
     * @param type      its fully qualified class
     * @param during    what the kit was doing, such as {@code in backward}
     * @param graphSize the nodes of the graph it happened in, leaves included
     */
    public record Crash(String type, String during, int graphSize) {
    }

    /** Copies the maps. */
    public KitOutcome {
        declined = declined == null ? Map.of() : Map.copyOf(declined);
        knownFaults = knownFaults == null ? Map.of() : Map.copyOf(knownFaults);
    }

    /** The text of the reason's lines after the first are dropped: a one-line reason for lists. */
    public static String firstLine(String text) {
        if (text == null) {
            return null;
        }
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }

    /** The labelled counts, for a report: {@code declined: 3 (matmul of 1x1)}. */
    public List<String> labelledCounts() {
        return labelledCounts(declined, knownFaults);
    }

    /** The labelled counts of tries declined and not run for a known fault, in the maps' order. */
    public static List<String> labelledCounts(Map<String, Integer> declined, Map<String, Integer> knownFaults) {
        List<String> lines = new java.util.ArrayList<>();
        declined.forEach((why, n) -> lines.add("tries declined by the engine: " + n + " (" + why + ")"));
        knownFaults.forEach((fault, n) -> lines.add("tries not run, known fault: " + n + " (" + fault + ")"));
        return lines;
    }
}
