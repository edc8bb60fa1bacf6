/**
 * The public plug-in route of the command line: a {@link dev.gradproof.reports.source.CheckSource}
 * offers {@link dev.gradproof.reports.source.PlannedCheck}s, each a configured gradcheck builder.
 * Nothing here depends on the command's internals.
 */
package dev.gradproof.reports.source;
