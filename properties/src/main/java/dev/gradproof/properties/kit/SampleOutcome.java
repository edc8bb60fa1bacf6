package dev.gradproof.properties.kit;

import java.util.Objects;

/**
 * How one sample of the op catalogue ended on an engine.
 *
 * @param spec   the catalogue spec's name
 * @param label  the sample's label
 * @param status how it ended
 * @param detail why it was not supported, what failed (with the replay line), or what was checked
 */
public record SampleOutcome(String spec, String label, Status status, String detail) {

    /** How a sample ended. */
    public enum Status {
        /** Forward values, first order and (where declared) second order all verified. */
        PASSED,
        /** A wrong value or gradient, an engine that threw, or a check that could not verify. */
        FAILED,
        /** Failed, and the adapter declared the fault it met: reported as expected, not as a new failure. */
        EXPECTED_FAILURE,
        /** Not run: the engine's declaration excludes it, the engine declined it, or the kit has no call for it. */
        NOT_SUPPORTED
    }

    /** Checks the fields. */
    public SampleOutcome {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
    }

    /** {@code FAILED relu [3, 4] matrix: ...}. */
    @Override
    public String toString() {
        return status + " " + label + ": " + detail;
    }
}
