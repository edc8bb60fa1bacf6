package dev.gradproof.reports.collect;

import java.nio.file.Path;

/**
 * A file in a results folder that could not be read as a result: shown in the report with the
 * reason, never dropped.
 *
 * @param module  the module whose results folder holds it
 * @param file    the file
 * @param bytes   its size
 * @param problem what is wrong, in words ({@code "partial: the JSON ends early at line 12"})
 */
public record UnreadableFile(String module, Path file, long bytes, String problem) {
}
