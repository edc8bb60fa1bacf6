package dev.gradproof.gradcheck.recording;

import dev.gradproof.gradcheck.model.GradCheckResult;
import dev.gradproof.gradcheck.model.ResultJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Writes every check's result as JSON, one file per check, for the report: into a folder of this
 * run under {@code target/gradproof-results/} of the module being tested (Maven Surefire's
 * {@code basedir}; {@code build/} for a Gradle project), named after the test class, method and
 * label. Each file is written to a temporary name and moved into place, and names are unique per
 * process and check, so tests running in parallel never collide and a reader never sees half a file.
 *
 * <p>Runs do not collide: each run writes its own folder, {@code gradproof-results/<run>/}, named
 * by {@value #RUN_PROPERTY} (a build sets one id for all its modules) or else by this process, so
 * two runs of one checkout at once neither mix nor overwrite each other's results. When a run
 * starts recording, the folders of older runs beyond the newest {@value #KEPT_RUNS} are deleted,
 * except any written in the last {@value #BUSY_MINUTES} minutes (a run that may still be going).
 *
 * <p>System properties: {@value #RECORD_PROPERTY} = {@code false} switches recording off,
 * {@code always} records checks outside tests too (default: record under a test);
 * {@value #DIRECTORY_PROPERTY} chooses another results folder (its run folders go inside it);
 * {@value #RUN_PROPERTY} names the run.
 */
public final class ResultRecorder {

    /** {@code true} (default: under tests), {@code false}/{@code off}, or {@code always}. */
    public static final String RECORD_PROPERTY = "gradproof.record";
    /** The directory results go to, overriding {@code <basedir>/target/gradproof-results}. */
    public static final String DIRECTORY_PROPERTY = "gradproof.results.dir";
    /** The directory under {@code target/}. */
    public static final String DIRECTORY_NAME = "gradproof-results";
    /** The run's id: results go to a folder of that name (default: one per process). */
    public static final String RUN_PROPERTY = "gradproof.run";
    /** How many older runs' folders are kept when a run starts recording. */
    public static final int KEPT_RUNS = 4;
    /** A run folder written within this many minutes is never pruned: its run may still be going. */
    public static final int BUSY_MINUTES = 10;

    private static final AtomicLong COUNTER = new AtomicLong();
    private static final AtomicBoolean PRUNED = new AtomicBoolean();
    private static final String RUN = Long.toString(ProcessHandle.current().pid(), 36) + "-"
            + Long.toString(ThreadLocalRandom.current().nextLong() & 0xFFFFFFL, 36);

    private ResultRecorder() {
    }

    /**
     * Where this run's results go: {@code <results folder>/<run>}. The first time it is asked for in
     * this process, older runs' folders are pruned ({@link #prune}).
     */
    public static Path directory() {
        Path root = resultsRoot();
        Path directory = root.resolve(run());
        if (PRUNED.compareAndSet(false, true)) {
            prune(root, directory);
        }
        return directory;
    }

    /**
     * The results folder, holding a folder per run: {@value #DIRECTORY_PROPERTY}, else
     * {@code <basedir>/target/gradproof-results} ({@code build/} for a Gradle project).
     */
    public static Path resultsRoot() {
        String dir = System.getProperty(DIRECTORY_PROPERTY);
        if (dir != null && !dir.isBlank()) {
            return Paths.get(dir);
        }
        return resultsRootOf(basedir());
    }

    /** The results folder of a project or module folder: {@code <dir>/target/gradproof-results}, or {@code build/} under Gradle. */
    public static Path resultsRootOf(Path projectDirectory) {
        return projectDirectory.resolve(buildFolderName(projectDirectory)).resolve(DIRECTORY_NAME);
    }

    /**
     * The build tool's output folder of a project: {@code build} for Gradle (a {@code build.gradle},
     * {@code build.gradle.kts} or settings file and no {@code pom.xml}), else Maven's {@code target}.
     */
    public static String buildFolderName(Path projectDirectory) {
        if (Files.exists(projectDirectory.resolve("pom.xml"))) {
            return "target";
        }
        for (String gradle : List.of("build.gradle", "build.gradle.kts", "settings.gradle", "settings.gradle.kts")) {
            if (Files.exists(projectDirectory.resolve(gradle))) {
                return "build";
            }
        }
        return "target";
    }

    /** This run's folder name: {@value #RUN_PROPERTY} ({@link #runFolder}), else this process's. */
    public static String run() {
        String run = System.getProperty(RUN_PROPERTY);
        return run == null || run.isBlank() ? "run-" + RUN : runFolder(run);
    }

    /** The folder name of a run id: its unsafe characters replaced, as every reader and writer spells it. */
    public static String runFolder(String id) {
        return safe(id.trim());
    }

    /** The project's folder: {@code basedir} as Maven's Surefire sets it, else the working directory. */
    public static Path basedir() {
        String basedir = System.getProperty("basedir");
        return basedir != null && !basedir.isBlank() ? Paths.get(basedir) : Paths.get("");
    }

    /**
     * Deletes the folders of older runs in {@code root} beyond the newest {@value #KEPT_RUNS}, and
     * loose result files of the layout before run folders, never {@code current}, nothing written in
     * the last {@value #BUSY_MINUTES} minutes, and nothing but result files and folders of them.
     * Returns what was deleted; a file that cannot be deleted is left.
     */
    public static List<Path> prune(Path root, Path current) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        Instant busy = Instant.now().minus(Duration.ofMinutes(BUSY_MINUTES));
        List<Path> old = new ArrayList<>();
        try (Stream<Path> children = Files.list(root)) {
            children.filter(p -> !p.equals(current))
                    .filter(ResultRecorder::holdsOnlyResults)
                    .filter(p -> modified(p).isBefore(busy))
                    .sorted(Comparator.comparing(ResultRecorder::modified).reversed())
                    .forEach(old::add);
        } catch (IOException e) {
            return List.of();
        }
        List<Path> deleted = new ArrayList<>();
        int keptRuns = 0;
        for (Path p : old) {
            if (Files.isDirectory(p) && keptRuns < KEPT_RUNS - 1) {
                keptRuns++;
            } else if (deleteTree(p)) {
                deleted.add(p);
            }
        }
        return deleted;
    }

    /**
     * Whether a path is gradproof's to delete: a result file ({@code .json}, or a temporary
     * {@code .tmp} of an interrupted write), or a folder holding only such files; anything else in
     * a results folder chosen by the user is left alone.
     */
    private static boolean holdsOnlyResults(Path p) {
        if (Files.isRegularFile(p)) {
            String name = p.getFileName().toString();
            return name.endsWith(".json") || name.endsWith(".tmp");
        }
        if (!Files.isDirectory(p)) {
            return false;
        }
        try (Stream<Path> children = Files.list(p)) {
            return children.allMatch(c -> Files.isRegularFile(c) && holdsOnlyResults(c));
        } catch (IOException e) {
            return false;
        }
    }

    private static Instant modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toInstant();
        } catch (IOException e) {
            return Instant.now();
        }
    }

    private static boolean deleteTree(Path p) {
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(q);
            }
            return true;
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
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
        return safe(stem) + "." + RUN + "-" + COUNTER.incrementAndGet() + ".json";
    }

    /** A file name's characters: letters, digits, dot, underscore and dash, at most 120. */
    private static String safe(String name) {
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe.length() > 120 ? safe.substring(0, 120) : safe;
    }
}
