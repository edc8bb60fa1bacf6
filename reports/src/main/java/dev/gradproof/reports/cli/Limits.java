package dev.gradproof.reports.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The allowed ranges of the command's numeric options and the checks that the output folder can be
 * written, all made before any check runs; each mistake is one {@link BadUsage} line naming the
 * option and the range.
 */
final class Limits {

    /** The smallest step: below it x + h rounds to x for |x| near 1 (machine epsilon is 2.2e-16). */
    static final double MIN_EPS = 1e-15;
    /** The largest step: beyond it a central difference says little about a derivative. */
    static final double MAX_EPS = 0.1;
    /** The most elements per input SAMPLED mode may take. */
    static final int MAX_SAMPLES = 1_000_000;
    /** The most tries per property of the contract kit. */
    static final int MAX_TRIES = 100_000;

    private Limits() {
    }

    /** {@code --samples}: null (the default) or 1 to {@link #MAX_SAMPLES}. */
    static void requireSamples(Integer samples) {
        if (samples != null && (samples < 1 || samples > MAX_SAMPLES)) {
            throw new BadUsage("--samples", "must be an integer from 1 to " + MAX_SAMPLES + ", got " + samples);
        }
    }

    /** {@code --eps}: null (the precision's default) or a finite number from {@link #MIN_EPS} to {@link #MAX_EPS}. */
    static void requireEps(Double eps) {
        if (eps != null && !(eps >= MIN_EPS && eps <= MAX_EPS)) {
            throw new BadUsage("--eps", "must be a number from " + MIN_EPS + " to " + MAX_EPS + ", got " + eps);
        }
    }

    /** {@code --tries}: 1 to {@link #MAX_TRIES}. */
    static void requireTries(int tries) {
        if (tries < 1 || tries > MAX_TRIES) {
            throw new BadUsage("--tries", "must be an integer from 1 to " + MAX_TRIES + ", got " + tries);
        }
    }

    /** The folder exists or can be made, and a file can be written in it (written and deleted). */
    static void requireWritableFolder(String option, Path folder) {
        try {
            Files.createDirectories(folder);
            Path probe = Files.createTempFile(folder, ".gradproof-probe-", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            throw new BadUsage(option, "cannot write in " + folder.toAbsolutePath() + " ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                    + "); give a folder that can be written");
        }
    }
}
