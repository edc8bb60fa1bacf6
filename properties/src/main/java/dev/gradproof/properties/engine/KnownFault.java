package dev.gradproof.properties.engine;

import java.util.List;
import java.util.Objects;
import java.util.function.BiPredicate;

/**
 * A fault of the engine that its authors already know, declared by the adapter
 * ({@link AutogradAdapter#knownFaults()}): graphs with an op node in the fault's {@link #cases} are
 * not run; each property keeps testing every other graph and reports the fault as known. One known
 * fault therefore never ends the properties that would meet it at their first counterexample.
 *
 * @param op     the op name, one of {@link Ops}
 * @param reason what is wrong, for the report (an issue number, a one-line description)
 * @param cases  which applications of the op meet the fault, given the call and its input shapes
 */
public record KnownFault(String op, String reason, BiPredicate<OpCall, List<int[]>> cases) {

    /** Checks the fields; {@code op} must be an op of {@link Ops}. */
    public KnownFault {
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(cases, "cases");
        if (!Ops.ALL.contains(op)) {
            throw new IllegalArgumentException("KnownFault: unknown op \"" + op + "\"; known: " + Ops.ALL);
        }
    }

    /** A fault of every application of {@code op}. */
    public static KnownFault always(String op, String reason) {
        return new KnownFault(op, reason, (call, shapes) -> true);
    }

    /** True when this application of the op meets the fault. */
    public boolean matches(OpCall call, List<int[]> inputShapes) {
        return call.op().equals(op) && cases.test(call, inputShapes);
    }

    /** {@code op: reason}. */
    public String describe() {
        return op + ": " + reason;
    }
}
