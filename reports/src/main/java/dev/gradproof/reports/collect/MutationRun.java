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

        /** Percent detected; 100 of nothing. */
        public double percent() {
            return total == 0 ? 100.0 : 100.0 * detected / total;
        }

        /** {@code 97.3 % (365 of 375)}. */
        public String text() {
            return String.format(java.util.Locale.ROOT, "%.1f %% (%d of %d)", percent(), detected, total);
        }
    }
}
