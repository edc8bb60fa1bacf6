package dev.gradproof.properties.graph;

import dev.gradproof.properties.engine.KnownFault;

/**
 * Thrown instead of building a graph that meets a fault the engine declared: the kit does not run
 * the graph, counts it under the fault and goes on with other graphs.
 */
public final class KnownFaultMet extends RuntimeException {

    private final transient KnownFault fault;

    KnownFaultMet(KnownFault fault) {
        super("known fault " + fault.describe(), null, false, false);
        this.fault = fault;
    }

    /** The fault that the graph meets. */
    public KnownFault fault() {
        return fault;
    }
}
