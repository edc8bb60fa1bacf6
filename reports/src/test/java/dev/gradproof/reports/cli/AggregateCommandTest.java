package dev.gradproof.reports.cli;

import dev.gradproof.gradcheck.GradCheck;
import dev.gradproof.gradcheck.model.GradCheckResult;
import dev.gradproof.gradcheck.recording.ResultRecorder;
import dev.gradproof.reports.output.ReportWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The command the build runs in its verify phase, run in-process. */
class AggregateCommandTest {

    @TempDir
    Path root;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new AggregateCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private static GradCheckResult square() {
        return GradCheck.of(v -> v.get(0).square().sum()).input("w", new double[] {1, 2}).record(false).check();
    }

    @Test
    void everyModulesResultsGoIntoOneReportWhosePathIsPrinted() {
        ResultRecorder.write(square(), root.resolve("a").resolve("target").resolve(ResultRecorder.DIRECTORY_NAME));
        ResultRecorder.write(square(), root.resolve("b").resolve("target").resolve(ResultRecorder.DIRECTORY_NAME));

        int status = run("--root", root.toString());

        Path index = root.resolve("reports").resolve("target").resolve("gradproof-report").resolve(ReportWriter.INDEX);
        assertThat(status).isZero();
        assertThat(index).exists();
        assertThat(out.toString().trim()).isEqualTo("gradproof report: " + index.toAbsolutePath()
                + " (2 checks: 2 PASS, 0 FAIL, 0 INCONCLUSIVE, 0 KINK)");
    }

    @Test
    void sinceLeavesOutResultsOfEarlierBuilds() {
        ResultRecorder.write(square(), root.resolve("a").resolve("target").resolve(ResultRecorder.DIRECTORY_NAME));

        int status = run("--root", root.toString(), "--out", root.resolve("out").toString(), "--since",
                "2999-01-01T00:00:00Z");

        assertThat(status).isZero();
        assertThat(out.toString()).contains("(0 checks: 0 PASS, 0 FAIL, 0 INCONCLUSIVE, 0 KINK)");
    }

    @Test
    void aRunReadsOnlyItsOwnFoldersSoConcurrentBuildsDoNotMix() {
        Path a = root.resolve("a").resolve("target").resolve(ResultRecorder.DIRECTORY_NAME);
        ResultRecorder.write(square(), a.resolve("build-1"));
        ResultRecorder.write(square(), a.resolve("build-2"));
        ResultRecorder.write(square(), root.resolve("b").resolve("target").resolve(ResultRecorder.DIRECTORY_NAME)
                .resolve("build-2"));

        assertThat(run("--root", root.toString(), "--out", root.resolve("one").toString(), "--run", "build-1")).isZero();
        assertThat(out.toString()).contains("(1 checks: 1 PASS,");
        assertThat(run("--root", root.toString(), "--out", root.resolve("two").toString(), "--run", "build-2")).isZero();
        assertThat(out.toString()).contains("(2 checks: 2 PASS,");
        assertThat(run("--root", root.toString(), "--out", root.resolve("all").toString())).isZero();
        assertThat(out.toString()).contains("(3 checks: 3 PASS,");
    }

    @Test
    void aGradleModulesResultsAreReadFromBuild() throws java.io.IOException {
        java.nio.file.Files.createDirectories(root.resolve("g"));
        java.nio.file.Files.writeString(root.resolve("g").resolve("build.gradle"), "plugins { id 'java' }");
        ResultRecorder.write(square(), root.resolve("g").resolve("build").resolve(ResultRecorder.DIRECTORY_NAME)
                .resolve("run-1"));

        assertThat(run("--root", root.toString(), "--out", root.resolve("out").toString())).isZero();
        assertThat(out.toString()).contains("(1 checks: 1 PASS,");
    }

    @Test
    void wrongOptionsAreUsageErrorsThatSayWhatIsWrong() {
        assertThat(run("--root", root.toString(), "--since", "yesterday")).isEqualTo(2);
        assertThat(err.toString()).contains("--since: not an ISO-8601 instant such as 2026-11-22T08:30:00Z: 'yesterday'");

        assertThat(run("--root", root.resolve("absent").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--root: not a folder: " + root.resolve("absent"));
    }
}
