package dev.gradproof.autograd;

/**
 * A thread-local setting opened with try-with-resources and restored by {@link #close()}: a
 * {@link GradMode#noGrad()} scope, or the name of a composite op ({@link Op#composite(String)}).
 */
@FunctionalInterface
public interface Scope extends AutoCloseable {
    /** Restores the setting that was in force when the scope opened. */
    @Override
    void close();
}
