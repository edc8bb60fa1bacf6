package dev.gradproof.properties.graph;

import dev.gradproof.properties.engine.Unsupported;

import java.util.function.Supplier;

/**
 * The engine threw while a {@link GraphSpec} was built, differentiated or read in it: any exception
 * or error, a {@code StackOverflowError} or an {@code OutOfMemoryError} too, caught at the call
 * into the engine and rethrown with the thrown type, what was being done and the graph's size, so
 * that a crash is a recorded failure of its own kind ("the engine threw"), apart from a wrong
 * gradient, and never a raw crash of the test run. The engine's throwable is the cause.
 * {@link Unsupported} (the adapter declining an input) passes through unchanged.
 */
public final class EngineFailure extends RuntimeException {

    private final String thrown;
    private final String during;
    private final int graphSize;

    private EngineFailure(String message, Throwable cause, String during, int graphSize) {
        super(message, cause);
        this.thrown = cause.getClass().getName();
        this.during = during;
        this.graphSize = graphSize;
    }

    /** Runs {@code call}; anything it throws but {@link Unsupported} becomes an {@code EngineFailure}. */
    public static <T> T during(String engine, String what, GraphSpec spec, Supplier<T> call) {
        try {
            return call.get();
        } catch (EngineFailure | Unsupported | KnownFaultMet e) {
            throw e;
        } catch (Throwable e) { // the point: StackOverflowError and OutOfMemoryError become failures too
            String graph = spec.size() > GraphSpec.MAX_PRINTED_NODES ? "a graph of " + spec.size() + " nodes"
                    : "graph (" + spec.size() + " nodes): " + spec;
            throw new EngineFailure("the engine threw: " + engine + " threw " + e.getClass().getSimpleName()
                    + " " + what + ": " + e.getMessage() + "\n  in " + graph, e, what, spec.size());
        }
    }

    /** The fully qualified class of what the engine threw, such as {@code java.lang.StackOverflowError}. */
    public String thrown() {
        return thrown;
    }

    /** What the kit was doing, such as {@code "in backward"}. */
    public String duringWhat() {
        return during;
    }

    /** The number of nodes of the graph, leaves included. */
    public int graphSize() {
        return graphSize;
    }
}
