package dev.gradproof.properties.graph;

import java.util.function.Supplier;

/**
 * An exception thrown by an engine while a {@link GraphSpec} was built, differentiated or read in
 * it, rethrown with what was being done and the graph (with its node count), so that a crash
 * reads like any other failure of the contract. The engine's exception is the cause.
 */
public final class EngineFailure extends RuntimeException {

    private EngineFailure(String message, Throwable cause) {
        super(message, cause);
    }

    /** Runs {@code call}; an exception from it becomes an {@code EngineFailure} naming {@code what} and the graph. */
    static <T> T during(String engine, String what, GraphSpec spec, Supplier<T> call) {
        try {
            return call.get();
        } catch (EngineFailure e) {
            throw e;
        } catch (RuntimeException e) {
            throw new EngineFailure(engine + " threw " + e.getClass().getSimpleName() + " " + what + ": "
                    + e.getMessage() + "\n  in graph (" + spec.size() + " nodes): " + spec, e);
        }
    }
}
