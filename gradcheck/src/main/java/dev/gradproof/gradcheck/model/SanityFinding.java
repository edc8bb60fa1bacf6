package dev.gradproof.gradcheck.model;

/**
 * A failed sanity check.
 *
 * @param check   which check
 * @param input   the input concerned, or null when none is
 * @param message what was found, naming input, index, shape and values
 */
public record SanityFinding(SanityCheck check, Integer input, String message) {
}
