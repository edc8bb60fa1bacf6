package dev.gradproof.reports.collect;

/**
 * One mutant of a pitest run, as {@code mutations.xml} records it.
 *
 * @param mutatedClass the class's binary name
 * @param method       the mutated method
 * @param line         the source line
 * @param mutator      pitest's mutator, its class's simple name without "Mutator" ({@code Math}, {@code NegateConditionals})
 * @param description  what was changed ({@code Replaced double multiplication with division})
 * @param status       pitest's status: KILLED, SURVIVED, NO_COVERAGE, TIMED_OUT, MEMORY_ERROR, RUN_ERROR, NON_VIABLE
 * @param detected     whether a test detected it (killed, timed out, or made the run fail)
 */
public record Mutant(String mutatedClass, String method, int line, String mutator, String description,
                     String status, boolean detected) {

    /** The class name without {@code dev.gradproof.autograd.}: {@code kernel.Gemm}, {@code Graph$Walk}. */
    public String shortClass() {
        String core = "dev.gradproof.autograd.";
        return mutatedClass.startsWith(core) ? mutatedClass.substring(core.length()) : mutatedClass;
    }

    /** Which part of autograd-core it is in. */
    public CodeArea area() {
        return CodeArea.of(mutatedClass, method);
    }

    /** Whether it counts at all: a mutant the JVM could not load (NON_VIABLE) is no change to detect. */
    public boolean viable() {
        return !status.equals("NON_VIABLE");
    }
}
