package dev.gradproof.gradcheck.engine;

/**
 * The function under check threw, or crashed its thread (a {@link StackOverflowError} from deep
 * recursion, an {@link OutOfMemoryError}), while it was evaluated or differentiated. The engine
 * turns it into a recorded failure ({@code FUNCTION_COMPLETES}) that names the throwable's type,
 * its message and where it happened, instead of letting it escape the check.
 */
final class FunctionCrash extends GradCheckException {

    private static final long serialVersionUID = 1L;

    FunctionCrash(String message, Throwable cause) {
        super(message, cause);
    }

    /** The crash, with where it happened: {@code "the function threw java.lang.StackOverflowError at ..."}. */
    static FunctionCrash of(String pass, String where, Throwable cause) {
        String text = cause.getMessage() == null ? cause.getClass().getName() : cause.toString();
        return new FunctionCrash("the " + pass + " threw at " + where + ": " + text, cause);
    }
}
