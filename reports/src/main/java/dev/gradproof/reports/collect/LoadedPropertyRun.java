package dev.gradproof.reports.collect;

import dev.gradproof.properties.recording.PropertyRun;

import java.nio.file.Path;

/**
 * A recorded jqwik property run that was read.
 *
 * @param module the module it was recorded in
 * @param file   the file
 * @param run    the run
 */
public record LoadedPropertyRun(String module, Path file, PropertyRun run) {
}
