/**
 * Recording of results for the report: which test a check ran in, and one JSON file per check
 * under {@code target/gradproof-results/}.
 */
package dev.gradproof.gradcheck.recording;
