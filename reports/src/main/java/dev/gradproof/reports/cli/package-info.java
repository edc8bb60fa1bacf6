/**
 * Command lines: {@link dev.gradproof.reports.cli.GradproofCommand}, the main job (the op catalogue
 * and the notes' network through gradcheck, with a progress bar, a summary table and the HTML
 * report), and {@link dev.gradproof.reports.cli.AggregateCommand}, which the build runs to write
 * the report of every module.
 */
package dev.gradproof.reports.cli;
