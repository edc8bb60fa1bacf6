package dev.gradproof.gradcheck.model;

/**
 * When and how a check ran.
 *
 * @param timestamp          ISO-8601 instant the check finished
 * @param javaVersion        {@code java.version}
 * @param gradproofVersion   the gradcheck jar's version, or {@code "dev"} when run from classes
 * @param cores              available processors
 * @param parallelism        worker threads used for the numerical Jacobian
 * @param durationMillis     wall-clock time of the check
 * @param forwardEvaluations how many times the function's value was computed
 * @param backwardPasses     how many vector-Jacobian products were computed
 */
public record RunInfo(
        String timestamp,
        String javaVersion,
        String gradproofVersion,
        int cores,
        int parallelism,
        long durationMillis,
        long forwardEvaluations,
        long backwardPasses) {
}
