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
 * @param confirmed   true when a FAIL at a smaller step was overturned at a larger one ({@link StepPlan})
 * @param judgement   the judgement behind the record, or null when no derivative could be formed
 */
record Outcome(int input, ElementRecord record, double noiseRatio, String failure, boolean shapeChanged,
               boolean confirmed, Judgement judgement) {

    /** An outcome without a judgement: the values could not be used. */
    Outcome(int input, ElementRecord record, double noiseRatio, String failure, boolean shapeChanged) {
        this(input, record, noiseRatio, failure, shapeChanged, false, null);
    }
}
