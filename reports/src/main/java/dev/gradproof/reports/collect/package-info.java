/**
 * Finding and reading the JSON results that gradcheck records under each module's
 * {@code target/gradproof-results/}: every file is either a loaded check or an unreadable file with
 * the reason, never silently dropped.
 */
package dev.gradproof.reports.collect;
