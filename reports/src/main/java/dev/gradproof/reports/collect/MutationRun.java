package dev.gradproof.reports.collect;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

/**
 * One pitest run read from its {@code mutations.xml}: its name (the folder it was written to:
 * {@code detection} for every killing test, {@code kit} for the contract kit alone) and its mutants.
 *
 * @param name    the run's name
 * @param file    the {@code mutations.xml} read
 * @param partial whether the run stopped before its end (pitest had not closed the file): its score is of
 *                the mutants it had written only
 * @param mutants every mutant, in the file's order
 */
public record MutationRun(String name, Path file, boolean partial, List<Mutant> mutants) {

    /** Copies the list. */
    public MutationRun {
        mutants = List.copyOf(mutants);
    }

    /** The viable mutants (pitest's denominator). */
    public List<Mutant> viable() {
        return mutants.stream().filter(Mutant::viable).toList();
    }

    /** The viable mutants that no test detected (survived or not covered), in file order. */
    public List<Mutant> survivors() {
        return viable().stream().filter(m -> !m.detected()).toList();
    }

    /** The score over every viable mutant. */
    public Score score() {
        return score(m -> true);
    }

    /** The score over the viable mutants of one area. */
    public Score score(CodeArea area) {
        return score(m -> m.area() == area);
    }

    /** The score over the viable mutants of backward code and backprop together (the 95 % target). */
    public Score backwardAndBackprop() {
        return score(m -> m.area() == CodeArea.BACKWARD || m.area() == CodeArea.BACKPROP);
    }

    private Score score(Predicate<Mutant> which) {
        List<Mutant> counted = viable().stream().filter(which).toList();
        return new Score(counted.stream().filter(Mutant::detected).count(), counted.size());
    }

    /**
     * Detected out of counted mutants.
     *
     * @param detected the mutants some test detected
     * @param total    the mutants counted
     */
    public record Score(long detected, long total) {

        /** Percent detected; NaN when no mutant was counted (nothing measured, so no target is met). */
        public double percent() {
            return total == 0 ? Double.NaN : 100.0 * detected / total;
        }

        /** Whether mutants were counted and at least {@code target} percent of them detected. */
        public boolean meets(double target) {
            return total > 0 && percent() >= target;
        }

        /** {@code 97.3 % (365 of 375)}, or {@code no mutants} when none was counted. */
        public String text() {
            return total == 0 ? "no mutants"
                    : String.format(java.util.Locale.ROOT, "%.1f %% (%d of %d)", percent(), detected, total);
        }
    }
}
