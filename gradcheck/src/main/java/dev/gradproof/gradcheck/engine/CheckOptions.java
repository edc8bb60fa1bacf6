package dev.gradproof.gradcheck.engine;

import dev.gradproof.gradcheck.model.CheckKind;
import dev.gradproof.gradcheck.model.Mode;
import dev.gradproof.gradcheck.model.Tolerances;

/**
 * Everything that configures one check, besides the function and the point.
 *
 * @param kind              gradcheck or gradgradcheck
 * @param mode              FULL, SAMPLED or FAST
 * @param tolerances        the step and the tolerance factors
 * @param seed              the seed of every random choice
 * @param samplesPerInput   k, for SAMPLED
 * @param directions        random directions, for FAST
 * @param projections       random output projections when the Jacobian is too large to compare whole
 * @param fullJacobianLimit the largest output size whose Jacobian is compared whole
 * @param parallelism       worker threads for the numerical Jacobian (1: the caller's thread only)
 * @param excluded          per input: true for data that is not checked
 * @param recordsPerInput   passing elements kept as full records per input (the worst ones)
 * @param confidence        the probability FAST mode's detection statement is made with
 * @param label             the user's label
 * @param op                the op under check, or null
 * @param replay            one line of Java that repeats the check
 * @param propagateCrashes  true: a function that throws or crashes ends the check with a
 *                          {@link GradCheckException} carrying the throwable (for a harness such as the
 *                          contract kit, which reports crashes itself); false: a recorded failure
 */
public record CheckOptions(
        CheckKind kind,
        Mode mode,
        Tolerances tolerances,
        long seed,
        int samplesPerInput,
        int directions,
        int projections,
        int fullJacobianLimit,
        int parallelism,
        boolean[] excluded,
        int recordsPerInput,
        double confidence,
        String label,
        String op,
        String replay,
        boolean propagateCrashes) {

    /** Checks the counts. */
    public CheckOptions {
        if (samplesPerInput < 1) {
            throw new IllegalArgumentException("samples per input must be at least 1, got " + samplesPerInput);
        }
        if (directions < 1) {
            throw new IllegalArgumentException("directions must be at least 1, got " + directions);
        }
        if (projections < 1) {
            throw new IllegalArgumentException("projections must be at least 1, got " + projections);
        }
        if (fullJacobianLimit < 1) {
            throw new IllegalArgumentException("fullJacobianLimit must be at least 1, got " + fullJacobianLimit);
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must lie in (0, 1), got " + confidence);
        }
        excluded = excluded.clone();
    }

    /** These options in another mode. */
    public CheckOptions withMode(Mode newMode) {
        return new CheckOptions(kind, newMode, tolerances, seed, samplesPerInput, directions, projections,
                fullJacobianLimit, parallelism, excluded, recordsPerInput, confidence, label, op, replay, propagateCrashes);
    }

    /** These options in SAMPLED mode with {@code k} elements per input. */
    public CheckOptions withSampling(int k) {
        return new CheckOptions(kind, Mode.SAMPLED, tolerances, seed, k, directions, projections,
                fullJacobianLimit, parallelism, excluded, recordsPerInput, confidence, label, op, replay, propagateCrashes);
    }

    /** Whether input {@code i} is excluded. */
    public boolean isExcluded(int i) {
        return i < excluded.length && excluded[i];
    }
}
