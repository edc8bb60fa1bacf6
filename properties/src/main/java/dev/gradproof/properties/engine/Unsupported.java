package dev.gradproof.properties.engine;

/**
 * Thrown by an adapter to decline one input it does not support (a shape, a parameter, an op in
 * one configuration), with the reason. The kit counts the try as skipped with that reason, never as
 * a failure; a property whose every try was declined is reported as skipped. Any other exception
 * from an adapter is a failure reported as "the engine threw", apart from a wrong gradient.
 */
public final class Unsupported extends RuntimeException {

    /** @param reason what is not supported, such as {@code "matmul of a 1x1 matrix"} */
    public Unsupported(String reason) {
        super(reason);
    }

    /** The reason, as given. */
    public String reason() {
        return getMessage();
    }
}
