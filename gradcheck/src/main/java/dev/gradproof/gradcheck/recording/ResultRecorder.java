package dev.gradproof.gradcheck.recording;

import dev.gradproof.gradcheck.model.GradCheckResult;
import dev.gradproof.gradcheck.model.ResultJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
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
        String basedir = System.getProperty("basedir");
        Path root = basedir != null && !basedir.isBlank() ? Paths.get(basedir) : Paths.get("");
        return root.resolve("target").resolve(DIRECTORY_NAME);
    }

    /** Whether a result with (or without) a test context is recorded under the current settings. */
    public static boolean enabled(boolean underTest) {
        String setting = System.getProperty(RECORD_PROPERTY, "true").trim().toLowerCase(Locale.ROOT);
        return switch (setting) {
            case "false", "off", "no", "0" -> false;
            case "always" -> true;
            default -> underTest;
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
     * atomically: to a temporary {@code .writing-*.tmp} file first, then moved into place, so that a
     * reader never sees half a file. For other recorders writing beside the results (property runs).
     *
     * @throws UncheckedIOException if the file cannot be written
     */
    public static Path writeFile(Path directory, String name, String text) {
        try {
            Files.createDirectories(directory);
            Path target = directory.resolve(name);
            Path temp = Files.createTempFile(directory, ".writing-", ".tmp");
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("could not record " + name + " in " + directory + ": " + e.getMessage(), e);
        }
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
