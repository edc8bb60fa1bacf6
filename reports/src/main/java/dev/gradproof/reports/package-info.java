/**
 * The gradproof report: the JSON results that gradcheck records in every module, turned into one
 * self-contained HTML page ({@link dev.gradproof.reports.GradproofReport}); a JUnit Platform
 * listener that writes a project's report at the end of its test run; and the command-line job.
 */
package dev.gradproof.reports;
