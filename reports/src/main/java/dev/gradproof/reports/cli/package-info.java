/**
 * Command lines: {@link dev.gradproof.reports.cli.GradproofCommand}, the main job (the op catalogue
 * and the notes' network through gradcheck by default; the user's checks from a source file or a
 * classpath through {@link dev.gradproof.reports.source.CheckSource}, and the contract kit against
 * an engine's adapter; with a progress bar, a summary table and the HTML report), and
 * {@link dev.gradproof.reports.cli.AggregateCommand}, which the build runs to write the report of
 * every module. Nothing here is public API but the two commands' options: the plug-in route is
 * {@code dev.gradproof.reports.source}.
 */
package dev.gradproof.reports.cli;
