package dev.gradproof.gradcheck.engine;

/**
 * The function under check could not be evaluated (it threw, or returned nothing usable); the
 * message says where (which input, element and probe). The inputs given to the check are never
 * modified, and the checker's own copies are restored before this is thrown.
 */
public class GradCheckException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** An exception with a message. */
    public GradCheckException(String message) {
        super(message);
    }

    /** An exception with a message and the function's own exception. */
    public GradCheckException(String message, Throwable cause) {
        super(message, cause);
    }
}
