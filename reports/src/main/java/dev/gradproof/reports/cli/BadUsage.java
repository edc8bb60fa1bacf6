package dev.gradproof.reports.cli;

/**
 * A mistake in the command line (an option out of range, a file that does not compile, a class
 * that is not an adapter): printed as one line naming the option, with exit code 2 and no stack trace.
 */
final class BadUsage extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** {@code --option: what is wrong and what is allowed}. */
    BadUsage(String option, String problem) {
        super(option + ": " + problem);
    }
}
