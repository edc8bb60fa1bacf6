package dev.gradproof.reports.collect;

import dev.gradproof.gradcheck.recording.ResultRecorder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * One folder of recorded results and the module it belongs to: a module's results folder, whose
 * run folders ({@code gradproof-results/<run>/}) are all read, or one run's folder.
 *
 * @param module    the module's folder name ({@code gradcheck}), or the project's for a single project
 * @param directory the folder holding the JSON files, directly or in run folders
 *                  ({@code <module>/target/gradproof-results})
 */
public record ResultsDirectory(String module, Path directory) {

    /**
     * The results folders of a build: {@code <root>/target/gradproof-results} and
     * {@code <root>/<module>/target/gradproof-results} for every direct subfolder, in name order.
     * Folders that do not exist are left out.
     *
     * @throws IllegalArgumentException if {@code root} is not a folder
     */
    public static List<ResultsDirectory> ofBuild(Path root) {
        return ofBuild(root, null);
    }

    /**
     * The results folders of one run of a build (its id is {@link ResultRecorder#RUN_PROPERTY}):
     * {@code <module>/target/gradproof-results/<run>} of every module that recorded in that run;
     * with a null run, every run ({@link #ofBuild(Path)}).
     *
     * @throws IllegalArgumentException if {@code root} is not a folder
     */
    public static List<ResultsDirectory> ofBuild(Path root, String run) {
        Path absolute = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(absolute)) {
            throw new IllegalArgumentException("the build's root is not a folder: " + absolute);
        }
        List<ResultsDirectory> found = new ArrayList<>();
        ResultsDirectory own = ofModuleDirectory(absolute).inRun(run);
        if (Files.isDirectory(own.directory())) {
            found.add(own);
        }
        try (Stream<Path> children = Files.list(absolute)) {
            children.filter(Files::isDirectory)
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .map(d -> ofModuleDirectory(d).inRun(run))
                    .filter(d -> Files.isDirectory(d.directory()))
                    .forEach(found::add);
        } catch (IOException e) {
            throw new UncheckedIOException("could not list the modules of " + absolute + ": " + e.getMessage(), e);
        }
        return found;
    }

    /**
     * The results folder of one module or project folder, whether or not it exists:
     * {@code target/gradproof-results}, or {@code build/gradproof-results} for a Gradle project.
     */
    public static ResultsDirectory ofModuleDirectory(Path moduleDirectory) {
        Path absolute = moduleDirectory.toAbsolutePath().normalize();
        Path name = absolute.getFileName();
        return new ResultsDirectory(name == null ? absolute.toString() : name.toString(),
                ResultRecorder.resultsRootOf(absolute));
    }

    /** The folder of one run inside this results folder; this folder itself for a null run. */
    public ResultsDirectory inRun(String run) {
        return run == null ? this : new ResultsDirectory(module, directory.resolve(ResultRecorder.runFolder(run)));
    }
}
