package dev.gradproof.maven;

import dev.gradproof.gradcheck.recording.ResultRecorder;
import dev.gradproof.reports.collect.ResultsDirectory;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The goals' own logic on results recorded in a temporary module folder, without a running Maven. */
class MojosTest {

    private static List<ResultsDirectory> module(Path root, String name) {
        return List.of(ResultsDirectory.ofModuleDirectory(root.resolve(name)));
    }

    private static void record(Path root, String name, dev.gradproof.gradcheck.model.GradCheckResult result) {
        ResultRecorder.write(result, module(root, name).get(0).directory());
    }

    @Test
    void checkFailsNamingTheBrokenRuleAndTheWorstCheck(@TempDir Path root) {
        record(root, "core", Results.right());
        record(root, "core", Results.wrong("the seeded bug"));
        CheckMojo mojo = new CheckMojo();
        var results = mojo.collect(module(root, "core"));
        assertThat(results.checks()).hasSize(2);

        assertThatThrownBy(() -> CheckMojo.verify(mojo.rules(), results))
                .isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("gradproof check: 1 rules broken by 2 checks and 0 property runs:\n"
                        + "  rule failOnFailed: 1 of 2 checks FAILED; worst: \"the seeded bug\" (module core")
                .hasMessageContaining("verdict FAILED");
    }

    @Test
    void checkPassesOnRightGradients(@TempDir Path root) throws Exception {
        record(root, "core", Results.right());
        CheckMojo mojo = new CheckMojo();
        CheckMojo.verify(mojo.rules(), mojo.collect(module(root, "core")));
    }

    @Test
    void aNegativeLimitIsAConfigurationErrorNamingTheParameter() {
        CheckMojo mojo = new CheckMojo();
        mojo.minCompared = -1;
        assertThatThrownBy(mojo::rules).isInstanceOf(MojoExecutionException.class)
                .hasMessage("gradproof check: minCompared must be >= 0, got -1");
    }

    @Test
    void reportWritesThePageOfTheModulesResults(@TempDir Path root) {
        record(root, "core", Results.right());
        record(root, "core", Results.wrong("w"));
        ReportMojo mojo = new ReportMojo();
        mojo.outputDirectory = root.resolve("core/target/gradproof-report").toFile();
        mojo.title = "core";
        mojo.write(module(root, "core"));
        Path index = root.resolve("core/target/gradproof-report/index.html");
        assertThat(index).isRegularFile();
        assertThat(root.resolve("core/target/gradproof-report/results.json")).isRegularFile();
    }

    @Test
    void reportWritesNothingWithoutResultsOrWhenSkipped(@TempDir Path root) throws Exception {
        ReportMojo mojo = new ReportMojo();
        mojo.outputDirectory = root.resolve("out").toFile();
        mojo.title = "t";
        mojo.write(module(root, "empty"));
        assertThat(root.resolve("out")).doesNotExist();

        record(root, "core", Results.right());
        mojo.skip = true;
        mojo.write(module(root, "core"));
        assertThat(root.resolve("out")).doesNotExist();
        assertThat(Files.list(module(root, "core").get(0).directory())).hasSize(1);
    }
}
