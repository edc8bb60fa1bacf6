package dev.gradproof.reports.cli;

import dev.gradproof.reports.output.ReportWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command run in-process through picocli (over a stand-in catalogue of a few ops, and the
 * notes' network): exit codes, the summary table, the progress bar, the report it writes, help.
 */
class GradproofCommandTest {

    @TempDir
    Path dir;

    private final CommandRun cli = new CommandRun(new StandInCatalogue(), new NetworkChecks());

    private int run(String... args) {
        return cli.run(args);
    }

    @Test
    void theOpsAndTheNetworkAreCheckedSummarizedAndReported() throws IOException {
        Path report = dir.resolve("report");

        int status = run("--ops", "relu,sigmoid,network", "--out", report.toString(), "--seed", "7");

        assertThat(status).as(cli.printed()).isZero();
        String printed = cli.out();
        assertThat(printed).startsWith("gradproof: 6 checks (FULL mode, seed 7) over relu, sigmoid, network");
        // relu: 3 + 6 elements, one KINK check; sigmoid: 4 + (4 inputs + 4 upstream); network: 10 + 10 sampled
        // of the full-size weights and 20*10 + 10*3 of the small one
        assertThat(printed).containsPattern("network\\s+2\\s+250\\s+\\S+\\s+2\\s+0\\s+0\\s+0")
                .containsPattern("relu\\s+2\\s+9\\s+\\S+\\s+1\\s+1\\s+0\\s+0")
                .containsPattern("sigmoid\\s+2\\s+12\\s+\\S+\\s+2\\s+0\\s+0\\s+0")
                .containsPattern("all\\s+6\\s+271\\s+5\\s+1\\s+0\\s+0");
        Path index = report.resolve(ReportWriter.INDEX).toAbsolutePath();
        assertThat(printed.trim()).endsWith("report: " + index);
        assertThat(index).exists();
        assertThat(report.resolve(ReportWriter.JSON)).exists();
        String html = Files.readString(index);
        assertThat(html).contains("relu [3] at the kink").contains("notes\\u0027 network N=8 D_in=20 H=10 D_out=3")
                .contains("id=\"count-checks\">6<");
        assertThat(cli.progress()).contains("gradcheck").contains("6/6");
    }

    @Test
    void theFullSizeNetworkIsSampledWhereFullIsAskedAndFollowsOtherModes() throws IOException {
        assertThat(run("--ops", "network", "--out", dir.resolve("full").toString())).isZero();
        assertThat(modes(dir.resolve("full"))).containsExactly("SAMPLED", "FULL");

        assertThat(run("--ops", "network", "--mode", "FAST", "--out", dir.resolve("fast").toString())).isZero();
        assertThat(modes(dir.resolve("fast"))).containsExactly("FAST", "FAST");
    }

    @Test
    void resultsJsonHoldsTheRelativeErrorsOfComparedElementsOnlyNoNullPerExcludedElement() throws IOException {
        assertThat(run("--ops", "network", "--out", dir.toString())).isZero();

        com.fasterxml.jackson.databind.JsonNode full = dev.gradproof.gradcheck.model.ResultJson.mapper()
                .readTree(dir.resolve(ReportWriter.JSON).toFile()).get("checks").get(0).get("result");
        // the notes' network: x [64, 1000] excluded, w1 [1000, 100] and w2 [100, 10] sampled, 10 elements each
        for (com.fasterxml.jackson.databind.JsonNode input : full.get("inputs")) {
            int compared = input.get("elementsChecked").asInt();
            assertThat(input.get("relativeErrors")).as(input.get("name").asText()).hasSize(compared);
            input.get("relativeErrors").forEach(e -> assertThat(e.isNull()).isFalse());
        }
        assertThat(full.get("inputs").get(0).get("name").asText()).isEqualTo("x");
        assertThat(full.get("inputs").get(0).get("relativeErrors")).isEmpty();
        assertThat(full.get("inputs").get(1).get("relativeErrors")).hasSize(10);
    }

    private static java.util.List<String> modes(Path report) throws IOException {
        java.util.List<String> modes = new java.util.ArrayList<>();
        dev.gradproof.gradcheck.model.ResultJson.mapper().readTree(report.resolve(ReportWriter.JSON).toFile())
                .get("checks").forEach(c -> modes.add(c.get("result").get("mode").asText()));
        return modes;
    }

    @Test
    void aFailedCheckExitsWithOneAndPrintsItsTable() {
        int status = run("--ops", "wrongSigmoid", "--out", dir.toString());

        assertThat(status).isEqualTo(1);
        assertThat(cli.out()).containsPattern("wrongSigmoid\\s+1\\s+1\\s+\\S+\\s+0\\s+0\\s+0\\s+1")
                .contains("gradcheck \"sigmoid with gradient sigma\" FAILED")
                .contains("replay: GradCheck.scalar(value, gradient)");
    }

    @Test
    void aCheckThatCannotRunIsAnErrorNotASilentPass() throws IOException {
        int status = run("--ops", "throws", "--out", dir.toString());

        assertThat(status).isEqualTo(1);
        assertThat(cli.out()).contains("NOT RUN a sample that cannot be built: IllegalStateException: no sample");
        assertThat(Files.readString(dir.resolve(ReportWriter.INDEX))).contains("IllegalStateException: no sample");
    }

    @Test
    void anUnknownOpIsAUsageErrorNamingTheKnownOnes() {
        int status = run("--ops", "relu,softplus", "--out", dir.toString());

        assertThat(status).isEqualTo(2);
        assertThat(cli.err()).contains("--ops: unknown op 'softplus'; known: relu, sigmoid, wrongSigmoid, throws,"
                + " network (or none)");
        assertThat(dir.resolve(ReportWriter.INDEX)).doesNotExist();
    }

    @Test
    void helpExplainsEveryOption() {
        int status = run("--help");

        assertThat(status).isZero();
        assertThat(cli.out()).contains("Usage: gradproof").contains("--mode=MODE").contains("FULL")
                .contains("SAMPLED").contains("FAST").contains("--seed=N").contains("--eps=EPS").contains("max(1, |x|)").contains("--out=DIR")
                .contains("--ops=OP").contains("--list").contains("--samples=K").contains("Exit codes:");
    }

    @Test
    void listNamesTheOpsAndTheNetwork() {
        int status = run("--list");

        assertThat(status).isZero();
        assertThat(cli.out()).contains("relu (1 input): all reals; kinks: relu: x = 0")
                .contains("network: the notes' two-layer network");
    }
}
