package dev.gradproof.reports.collect;

import dev.gradproof.autograd.Tensor;
import dev.gradproof.gradcheck.GradCheck;
import dev.gradproof.gradcheck.model.GradCheckResult;
import dev.gradproof.gradcheck.model.ResultJson;
import dev.gradproof.gradcheck.model.RunInfo;
import dev.gradproof.gradcheck.recording.ResultRecorder;
import dev.gradproof.properties.recording.PropertyRun;
import dev.gradproof.properties.recording.PropertyRunJson;
import dev.gradproof.properties.recording.PropertyRunRecorder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Every file of a results folder is either read or shown with the reason it could not be: empty,
 * cut short, not JSON, not a result, missing fields, a later schema, inconsistent with its shapes,
 * a temporary file of an interrupted write. Nothing throws, nothing is dropped silently.
 */
class ResultCollectorTest {

    private static GradCheckResult result;
    private static String json;

    @TempDir
    Path root;

    @BeforeAll
    static void oneRealResult() {
        result = GradCheck.of(v -> v.get(0).square().sum()).input("w", Tensor.vector(1, -2, 3))
                .label("square").record(false).check();
        json = ResultJson.write(result);
    }

    private Path results(String module) throws IOException {
        return Files.createDirectories(root.resolve(module).resolve("target").resolve(ResultRecorder.DIRECTORY_NAME));
    }

    @Test
    void aRecordedResultIsReadBackEqual() throws IOException {
        Path file = ResultRecorder.write(result, results("core"));

        CollectedResults collected = ResultCollector.all().collect(ResultsDirectory.ofBuild(root));

        assertThat(collected.unreadable()).isEmpty();
        assertThat(collected.checks()).singleElement().satisfies(c -> {
            assertThat(c.module()).isEqualTo("core");
            assertThat(c.file()).isEqualTo(file);
            assertThat(c.result()).isEqualTo(result);
        });
    }

    @Test
    void theBuildsModulesAreFoundInNameOrderAndFoldersWithoutResultsAreLeftOut() throws IOException {
        results("b-module");
        results("a-module");
        Files.createDirectories(root.resolve("no-results").resolve("target"));
        Files.createDirectories(root.resolve("target").resolve(ResultRecorder.DIRECTORY_NAME));

        List<ResultsDirectory> found = ResultsDirectory.ofBuild(root);

        assertThat(found).extracting(ResultsDirectory::module)
                .containsExactly(root.getFileName().toString(), "a-module", "b-module");
    }

    @Test
    void everyUnreadableFileIsKeptWithItsReason() throws IOException {
        Path dir = results("m");
        ResultRecorder.write(result, dir);
        Files.writeString(dir.resolve("a-empty.json"), "");
        String cut = json.substring(0, json.lastIndexOf('\n', json.length() / 2));   // cut between two lines
        Files.writeString(dir.resolve("b-cut.json"), cut);
        Files.writeString(dir.resolve("c-not-json.json"), "this is not json");
        Files.writeString(dir.resolve("d-array.json"), "[1, 2, 3]");
        Files.writeString(dir.resolve("e-other.json"), "{\"name\": \"a package.json, say\"}");
        Files.writeString(dir.resolve("f-missing.json"), json.replace("\"statistics\"", "\"statisticz\""));
        Files.writeString(dir.resolve("g-newer.json"), json.replace("\"schemaVersion\" : " + GradCheckResult.SCHEMA_VERSION,
                "\"schemaVersion\" : " + (GradCheckResult.SCHEMA_VERSION + 1)));
        Files.writeString(dir.resolve("h-inconsistent.json"), json.replace("\"verdicts\" : \"PPP\"", "\"verdicts\" : \"PP\""));
        Files.writeString(dir.resolve(".writing-123.tmp"), json.substring(0, 40));
        Files.writeString(dir.resolve("notes.txt"), "not a result file: ignored");

        CollectedResults collected = ResultCollector.all().collect(List.of(ResultsDirectory.ofModuleDirectory(root.resolve("m"))));

        assertThat(collected.checks()).hasSize(1);
        assertThat(collected.unreadable()).extracting(u -> u.file().getFileName().toString(), UnreadableFile::problem)
                .containsExactly(
                        tuple(".writing-123.tmp", "partial: a temporary file left by an interrupted write"),
                        tuple("a-empty.json", "empty file"),
                        tuple("b-cut.json", "partial: the JSON ends early (line "
                                + cut.lines().count() + ")"),
                        tuple("c-not-json.json", "not a readable gradcheck result: Unrecognized token 'this': was "
                                + "expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')"),
                        tuple("d-array.json", "not a gradcheck result: the JSON is array, not an object"),
                        tuple("e-other.json", "not a gradcheck result: none of its fields (schemaVersion, kind, mode, "
                                + "seed, tolerances, outputShape, inputs, directions, findings, notes, statistics, verdict)"),
                        tuple("f-missing.json", "partial: missing statistics"),
                        tuple("g-newer.json", "written with result schema " + (GradCheckResult.SCHEMA_VERSION + 1)
                                + "; this report reads schema " + GradCheckResult.SCHEMA_VERSION
                                + " (a newer gradcheck wrote it)"),
                        tuple("h-inconsistent.json", "inconsistent: input 0 \"w\" [3] has 2 verdicts for 3 elements"));
        assertThat(collected.unreadable()).allSatisfy(u -> assertThat(u.module()).isEqualTo("m"));
        assertThat(collected.unreadable().get(1).bytes()).isZero();
    }

    @Test
    void resultsRecordedBeforeTheBuildStartedAreCountedAsStaleAndLeftOut() throws IOException {
        Path dir = results("m");
        Instant start = Instant.parse("2026-01-02T03:04:05Z");
        ResultRecorder.write(at(start.minusSeconds(1), "old"), dir);
        ResultRecorder.write(at(start, "at the start"), dir);
        ResultRecorder.write(at(start.plusSeconds(60), "new"), dir);

        CollectedResults collected = ResultCollector.since(start).collect(ResultsDirectory.ofBuild(root));

        assertThat(collected.stale()).isEqualTo(1);
        assertThat(collected.checks()).extracting(c -> c.result().label())
                .containsExactlyInAnyOrder("at the start", "new");
        assertThat(ResultCollector.all().collect(ResultsDirectory.ofBuild(root)).checks()).hasSize(3);
    }

    private static GradCheckResult at(Instant when, String label) {
        RunInfo run = result.run();
        RunInfo moved = new RunInfo(when.toString(), run.javaVersion(), run.gradproofVersion(), run.cores(),
                run.parallelism(), run.durationMillis(), run.forwardEvaluations(), run.backwardPasses());
        return ResultJson.read(ResultJson.write(result).replace(run.timestamp(), moved.timestamp())
                .replace("\"label\" : \"square\"", "\"label\" : \"" + label + "\""));
    }

    @Test
    void propertyRunsAreToldFromResultsByTheirFormat() throws IOException {
        Path dir = results("m");
        ResultRecorder.write(result, dir);
        PropertyRun run = new PropertyRun(PropertyRun.FORMAT, PropertyRun.SCHEMA_VERSION, "a.B", "p", "B:p",
                "SUCCESSFUL", 10, 9, 10, "42", null, List.of(), List.of(), null, List.of(), null,
                Instant.now().toString(), 3, "17");
        PropertyRunRecorder.write(run, dir);
        Files.writeString(dir.resolve("partial-run.json"), PropertyRunJson.write(run).replace("\"status\"", "\"statuz\""));

        CollectedResults collected = ResultCollector.all().collect(ResultsDirectory.ofBuild(root));

        assertThat(collected.checks()).hasSize(1);
        assertThat(collected.properties()).singleElement().satisfies(p -> {
            assertThat(p.module()).isEqualTo("m");
            assertThat(p.run()).isEqualTo(run);
        });
        assertThat(collected.unreadable()).singleElement()
                .satisfies(u -> assertThat(u.problem()).isEqualTo("partial property run: missing status"));
        assertThat(ResultCollector.since(Instant.now().plusSeconds(60)).collect(ResultsDirectory.ofBuild(root))
                .properties()).isEmpty();
    }

    @Test
    void aBuildRootThatIsNoFolderIsAnErrorNamingIt() {
        Path absent = root.resolve("absent");

        assertThatThrownBy(() -> ResultsDirectory.ofBuild(absent)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the build's root is not a folder: " + absent);
    }

    @Test
    void aMissingFolderIsNoResultsAndNoError() {
        CollectedResults collected = ResultCollector.all()
                .collect(List.of(ResultsDirectory.ofModuleDirectory(root.resolve("absent"))));

        assertThat(collected.isEmpty()).isTrue();
        assertThat(collected.directories()).hasSize(1);
    }
}
