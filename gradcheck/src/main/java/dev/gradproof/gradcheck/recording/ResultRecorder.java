package dev.gradproof.gradcheck.recording;

import dev.gradproof.gradcheck.model.GradCheckResult;
import dev.gradproof.gradcheck.model.ResultJson;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes every check's result as JSON, one file per check, for the report: under
 * {@code target/gradproof-results/} of the module being tested (Maven Surefire's {@code basedir}),
 * named after the test class, method and label. Each file is written to a temporary name and
 * moved into place, and names are unique per process and check, so tests running in parallel
 * never collide and a reader never sees half a file.
 *
 * <p>System properties: {@value #RECORD_PROPERTY} = {@code false} switches recording off,
 * {@code always} records checks outside tests too (default: record under a test);
 * {@value #DIRECTORY_PROPERTY} chooses another directory.
 */
public final class ResultRecorder {

    /** {@code true} (default: under tests), {@code false}/{@code off}, or {@code always}. */
    public static final String RECORD_PROPERTY = "gradproof.record";
    /** The directory results go to, overriding {@code <basedir>/target/gradproof-results}. */
    public static final String DIRECTORY_PROPERTY = "gradproof.results.dir";
    /** The directory under {@code target/}. */
    public static final String DIRECTORY_NAME = "gradproof-results";

    private static final AtomicLong COUNTER = new AtomicLong();
    private static final String RUN = Long.toString(ProcessHandle.current().pid(), 36) + "-"
            + Long.toString(ThreadLocalRandom.current().nextLong() & 0xFFFFFFL, 36);

    private ResultRecorder() {
    }

    /** Where results go. */
    public static Path directory() {
        String dir = System.getProperty(DIRECTORY_PROPERTY);
        if (dir != null && !dir.isBlank()) {
            return Paths.get(dir);
        }
        return basedir().resolve("target").resolve(DIRECTORY_NAME);
    }

    /** The project's folder: {@code basedir} as Maven's Surefire sets it, else the working directory. */
    public static Path basedir() {
        String basedir = System.getProperty("basedir");
        return basedir != null && !basedir.isBlank() ? Paths.get(basedir) : Paths.get("");
    }

    /** Whether a result with (or without) a test context is recorded under the current settings. */
    public static boolean enabled(boolean underTest) {
        if (isSwitchedOff(RECORD_PROPERTY)) {
            return false;
        }
        return "always".equals(System.getProperty(RECORD_PROPERTY, "").trim().toLowerCase(Locale.ROOT)) || underTest;
    }

    /** Whether the system property {@code name} says false, off, no or 0 (any case): the way gradproof's switches are turned off. */
    public static boolean isSwitchedOff(String name) {
        return switch (System.getProperty(name, "true").trim().toLowerCase(Locale.ROOT)) {
            case "false", "off", "no", "0" -> true;
            default -> false;
        };
    }

    /** Records the result if recording is on for it; returns the file written. */
    public static Optional<Path> record(GradCheckResult result) {
        if (!enabled(result.context() != null)) {
            return Optional.empty();
        }
        return Optional.of(write(result, directory()));
    }

    /**
     * Writes the result into {@code directory} (created if needed), atomically.
     *
     * @throws UncheckedIOException if the file cannot be written
     */
    public static Path write(GradCheckResult result, Path directory) {
        return writeFile(directory, fileName(result), ResultJson.write(result));
    }

    /**
     * Writes {@code text} as the file {@code name} of {@code directory} (created if needed),
     * atomically ({@link AtomicFiles}), so that a reader never sees half a file. For other recorders
     * writing beside the results (property runs).
     *
     * @throws UncheckedIOException if the file cannot be written
     */
    public static Path writeFile(Path directory, String name, String text) {
        return AtomicFiles.write(directory.resolve(name), text);
    }

    /** {@code Test.method.label.run-n.json}, with unsafe characters replaced. */
    static String fileName(GradCheckResult result) {
        StringBuilder b = new StringBuilder();
        if (result.context() != null) {
            b.append(result.context().shortName());
        } else {
            b.append("untagged");
        }
        if (result.label() != null && !result.label().isEmpty()) {
            b.append('.').append(result.label());
        }
        return uniqueName(b.toString());
    }

    /**
     * A file name unique in this process and across processes: {@code stem.run-n.json}, with the
     * stem's unsafe characters replaced and its length limited.
     */
    public static String uniqueName(String stem) {
        String safe = stem.replaceAll("[^A-Za-z0-9._-]", "_");
        if (safe.length() > 120) {
            safe = safe.substring(0, 120);
        }
        return safe + "." + RUN + "-" + COUNTER.incrementAndGet() + ".json";
    }
}
