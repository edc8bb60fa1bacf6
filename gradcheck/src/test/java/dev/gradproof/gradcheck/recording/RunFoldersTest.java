package dev.gradproof.gradcheck.recording;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each run records into a folder of its own, older runs are pruned, and the results folder sits in
 * Maven's {@code target/} or Gradle's {@code build/}.
 */
class RunFoldersTest {

    @TempDir
    Path root;

    @Test
    void aRunIdBecomesASafeFolderName() {
        assertThat(ResultRecorder.runFolder(" build-1795976909385 ")).isEqualTo("build-1795976909385");
        assertThat(ResultRecorder.runFolder("../a b/c")).isEqualTo(".._a_b_c");
        String before = System.getProperty(ResultRecorder.RUN_PROPERTY);
        try {
            System.setProperty(ResultRecorder.RUN_PROPERTY, "nightly 7");
            assertThat(ResultRecorder.run()).isEqualTo("nightly_7");
            System.clearProperty(ResultRecorder.RUN_PROPERTY);
            assertThat(ResultRecorder.run()).startsWith("run-");
        } finally {
            if (before == null) {
                System.clearProperty(ResultRecorder.RUN_PROPERTY);
            } else {
                System.setProperty(ResultRecorder.RUN_PROPERTY, before);
            }
        }
    }

    private Path folder(String name, Duration age) throws IOException {
        Path folder = Files.createDirectories(root.resolve(name));
        Files.writeString(folder.resolve("a.json"), "{}");
        FileTime time = FileTime.from(Instant.now().minus(age));
        Files.setLastModifiedTime(folder.resolve("a.json"), time);
        Files.setLastModifiedTime(folder, time);
        return folder;
    }

    @Test
    void olderRunsBeyondTheNewestFourAreDeletedButNeverTheCurrentABusyOneNorAFolderOfOtherFiles() throws IOException {
        for (int i = 1; i <= 6; i++) {
            folder("old-" + i, Duration.ofHours(i));
        }
        folder("busy", Duration.ofMinutes(2));
        Path current = folder("current", Duration.ofHours(9));
        Path loose = Files.writeString(root.resolve("untagged.x.json"), "{}");
        Files.setLastModifiedTime(loose, FileTime.from(Instant.now().minus(Duration.ofDays(2))));
        Path notOurs = folder("notes", Duration.ofDays(3));
        Files.writeString(notOurs.resolve("todo.txt"), "not a result");
        Files.setLastModifiedTime(notOurs, FileTime.from(Instant.now().minus(Duration.ofDays(3))));

        List<Path> deleted = ResultRecorder.prune(root, current);

        // kept: this run, the busy one (written 2 minutes ago) and the three newest old ones: four earlier runs in all
        assertThat(names()).containsExactlyInAnyOrder("current", "busy", "old-1", "old-2", "old-3", "notes");
        assertThat(deleted).extracting(p -> p.getFileName().toString())
                .containsExactlyInAnyOrder("old-4", "old-5", "old-6", "untagged.x.json");
    }

    @Test
    void pruningAMissingFolderDoesNothing() {
        assertThat(ResultRecorder.prune(root.resolve("none"), root.resolve("none").resolve("run"))).isEmpty();
    }

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(root)) {
            return s.map(p -> p.getFileName().toString()).toList();
        }
    }

    @Test
    void theResultsFolderIsInTargetForMavenAndInBuildForGradle() throws IOException {
        Path maven = Files.createDirectories(root.resolve("maven"));
        Files.writeString(maven.resolve("pom.xml"), "<project/>");
        Path gradle = Files.createDirectories(root.resolve("gradle"));
        Files.writeString(gradle.resolve("build.gradle.kts"), "plugins { java }");
        Path plain = Files.createDirectories(root.resolve("plain"));

        assertThat(ResultRecorder.resultsRootOf(maven)).isEqualTo(maven.resolve("target").resolve("gradproof-results"));
        assertThat(ResultRecorder.resultsRootOf(gradle)).isEqualTo(gradle.resolve("build").resolve("gradproof-results"));
        assertThat(ResultRecorder.resultsRootOf(plain)).isEqualTo(plain.resolve("target").resolve("gradproof-results"));
    }
}
