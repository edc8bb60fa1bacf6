package dev.gradproof.gradcheck.engine;

import dev.gradproof.gradcheck.model.ElementRecord;

/**
 * The judged record of one element (or direction), with what the assembly needs besides.
 *
 * @param input       the input (-1 for a FAST direction)
 * @param record      the record
 * @param noiseRatio  the noise estimate over the declared precision's rounding
 * @param failure     the sanity problem behind a FAIL (non-finite probe, changed shape), or null
 * @param shapeChanged true when that problem is a change of output shape
 * @param confirmed   true when a FAIL at the first step was overturned at a larger one ({@link Confirmation})
 */
record Outcome(int input, ElementRecord record, double noiseRatio, String failure, boolean shapeChanged,
               boolean confirmed) {

    /** An outcome of the first step, not overturned. */
    Outcome(int input, ElementRecord record, double noiseRatio, String failure, boolean shapeChanged) {
        this(input, record, noiseRatio, failure, shapeChanged, false);
    }
}
