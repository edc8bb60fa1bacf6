/**
 * AssertJ assertions for gradient checks; the entry point is
 * {@link dev.gradproof.gradcheck.assertj.GradProofAssertions}.
 */
package dev.gradproof.gradcheck.assertj;
