package dev.gradproof.reports.view;

import dev.gradproof.reports.collect.CodeArea;
import dev.gradproof.reports.collect.Mutant;
import dev.gradproof.reports.collect.MutationRun;

import java.util.Arrays;
import java.util.List;

/**
 * A mutation run as the report shows it: its score overall, for backward code and backprop
 * together and per area, and every survivor.
 *
 * @param name      the run's name ({@code detection}, {@code kit})
 * @param partial   whether pitest stopped before analysing every class
 * @param file      the {@code mutations.xml} read
 * @param score     detected of all viable mutants, e.g. {@code 93.1 % (1200 of 1289)}
 * @param backward  detected of backward code and backprop mutants
 * @param areas     the score per area
 * @param survivors every survivor, in the file's order
 */
public record MutationView(String name, boolean partial, String file, String score, String backward,
                           List<Area> areas, List<Survivor> survivors) {

    /** Copies the lists. */
    public MutationView {
        areas = List.copyOf(areas);
        survivors = List.copyOf(survivors);
    }

    /** The view of a run. */
    public static MutationView of(MutationRun run) {
        List<Area> areas = Arrays.stream(CodeArea.values()).map(a -> new Area(a.title(), run.score(a).text())).toList();
        List<Survivor> survivors = run.survivors().stream().map(Survivor::of).toList();
        return new MutationView(run.name(), run.partial(), run.file().toString(), run.score().text(),
                run.backwardAndBackprop().text(), areas, survivors);
    }

    /**
     * One area's score.
     *
     * @param title the area
     * @param score its score
     */
    public record Area(String title, String score) {
    }

    /**
     * A surviving mutant.
     *
     * @param type        the class, without {@code dev.gradproof.autograd.}
     * @param method      the method
     * @param line        the line
     * @param mutator     the mutator and what it changed
     * @param status      SURVIVED or NO_COVERAGE
     * @param area        the area of the code
     */
    public record Survivor(String type, String method, int line, String mutator, String status, String area) {

        static Survivor of(Mutant m) {
            return new Survivor(m.shortClass(), m.method(), m.line(), m.mutator() + ": " + m.description(), m.status(),
                    m.area().title());
        }
    }
}
