package dev.gradproof.reports.collect;

import dev.gradproof.gradcheck.model.GradCheckResult;

import java.nio.file.Path;

/**
 * A result file that was read.
 *
 * @param module the module it was recorded in
 * @param file   the file
 * @param result the check's result
 */
public record LoadedCheck(String module, Path file, GradCheckResult result) {
}
