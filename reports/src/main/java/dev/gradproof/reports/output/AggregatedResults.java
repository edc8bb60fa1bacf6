package dev.gradproof.reports.output;

import dev.gradproof.gradcheck.model.GradCheckResult;
import dev.gradproof.gradcheck.model.InputResult;
import dev.gradproof.properties.recording.PropertyRun;
import dev.gradproof.reports.collect.CollectedResults;
import dev.gradproof.reports.collect.NotRun;
import dev.gradproof.reports.view.Counts;

import java.util.List;

/**
 * The JSON written beside the report: every result read, with the module and file it came from,
 * and every file that could not be read. To keep it small, an input's {@code relativeErrors} holds
 * only its compared elements' errors, in row-major order (the i-th is the element of the i-th
 * character of {@code verdicts} that is not {@code .}): no null per element that was not compared,
 * such as the 64,000 of the notes' network's excluded data {@code x}.
 *
 * @param generated  when the report was written (ISO-8601)
 * @param since      results recorded before this instant were left out, or null
 * @param stale      how many were
 * @param counts     what the report counts: checks by status (PASS, KINK, INCONCLUSIVE, FAIL and the
 *                   expected failures apart), checks that could not run, property runs
 * @param checks     the results
 * @param properties the jqwik property runs
 * @param unreadable the files that could not be read
 * @param notRun     the checks that could not run
 */
public record AggregatedResults(
        String generated,
        String since,
        int stale,
        Counts counts,
        List<Check> checks,
        List<Property> properties,
        List<Unreadable> unreadable,
        List<NotRun> notRun) {

    /**
     * One result.
     *
     * @param module the module that recorded it
     * @param file   its file
     * @param result the result
     */
    public record Check(String module, String file, GradCheckResult result) {
    }

    /**
     * One property run.
     *
     * @param module the module that recorded it
     * @param file   its file
     * @param run    the run
     */
    public record Property(String module, String file, PropertyRun run) {
    }

    /**
     * One unreadable file.
     *
     * @param module  the module
     * @param file    the file
     * @param bytes   its size
     * @param problem what is wrong
     */
    public record Unreadable(String module, String file, long bytes, String problem) {
    }

    /** The aggregate of collected results, with the counts of their report. */
    public static AggregatedResults of(CollectedResults collected, Counts counts, String generated) {
        return new AggregatedResults(generated, collected.since() == null ? null : collected.since().toString(),
                collected.stale(), counts,
                collected.checks().stream()
                        .map(c -> new Check(c.module(), c.file().toString(), comparedOnly(c.result()))).toList(),
                collected.properties().stream().map(p -> new Property(p.module(), p.file().toString(), p.run()))
                        .toList(),
                collected.unreadable().stream()
                        .map(u -> new Unreadable(u.module(), u.file().toString(), u.bytes(), u.problem())).toList(),
                collected.notRun());
    }

    /** The result with each input's relative errors of compared elements only. */
    static GradCheckResult comparedOnly(GradCheckResult r) {
        return r.withInputs(r.inputs().stream().map(AggregatedResults::comparedOnly).toList());
    }

    private static InputResult comparedOnly(InputResult i) {
        List<Double> compared = new java.util.ArrayList<>(i.elementsChecked());
        for (int k = 0; k < i.elements(); k++) {
            if (i.verdictAt(k) != null) {
                compared.add(i.relativeErrors().get(k));
            }
        }
        return new InputResult(i.index(), i.name(), i.shape(), i.excluded(), i.elements(), i.elementsChecked(),
                compared, i.verdicts(), i.records(), i.statistics());
    }
}
