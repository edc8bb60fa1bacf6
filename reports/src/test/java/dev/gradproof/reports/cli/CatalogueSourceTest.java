package dev.gradproof.reports.cli;

import dev.gradproof.gradcheck.catalogue.OpCatalogue;
import dev.gradproof.gradcheck.catalogue.OpSample;
import dev.gradproof.gradcheck.catalogue.OpSpec;
import dev.gradproof.reports.output.ReportWriter;
import dev.gradproof.reports.source.PlannedCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** gradcheck's op catalogue behind the command. */
class CatalogueSourceTest {

    @TempDir
    Path dir;

    @Test
    void theSourcePlansEveryOpOfTheCatalogueInOrder() {
        assertThat(new CatalogueSource().checks(42).stream().map(PlannedCheck::op).distinct().toList())
                .containsExactlyElementsOf(OpCatalogue.specs().stream().map(OpSpec::name).toList());
    }

    @Test
    void everySampleIsPlannedOnceAndAgainForSecondOrderWhereItApplies() {
        OpSpec relu = OpCatalogue.spec("relu").orElseThrow();
        long samples = relu.samples(42).size();
        long secondOrder = relu.samples(42).stream().filter(s -> s.gradGradCheck().isPresent()).count();

        assertThat(plan("relu")).hasSize((int) (samples + secondOrder))
                .allSatisfy(p -> assertThat(p.op()).isEqualTo("relu"))
                .extracting(PlannedCheck::label)
                .containsAll(relu.samples(42).stream().map(OpSample::label).toList());
    }

    private static java.util.List<PlannedCheck> plan(String op) {
        return CatalogueSource.plan(OpCatalogue.spec(op).orElseThrow(), 42);
    }

    @Test
    void describeSaysArityDomainKinksAndSecondOrder() {
        assertThat(CatalogueSource.describe(OpCatalogue.spec("relu").orElseThrow()))
                .startsWith("relu (1 input): ").contains("kinks: relu: x = 0").endsWith("; second order");
        assertThat(CatalogueSource.describe(OpCatalogue.spec("l2").orElseThrow())).startsWith("l2 (any number of inputs): ");
    }

    @Test
    void theCommandRunsCatalogueOpsNamedWithParentheses() throws IOException {
        StringWriter out = new StringWriter();
        CommandLine cli = GradproofCommand.commandLine(new GradproofCommand(java.util.List.of(new CatalogueSource()),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
        cli.setOut(new PrintWriter(out, true));

        int status = cli.execute("--ops", "relu,leakyRelu(slope)", "--out", dir.toString());

        assertThat(status).as(out.toString()).isZero();
        int planned = plan("relu").size() + plan("leakyRelu(slope)").size();
        assertThat(out.toString()).startsWith("gradproof: " + planned + " checks (FULL mode, seed 42) over relu, leakyRelu(slope)")
                .containsPattern("\\nrelu\\s+\\d+").containsPattern("\\nleakyRelu\\(slope\\)\\s+\\d+")
                .containsPattern("\\nall\\s+" + planned + "\\s");
        assertThat(Files.readString(dir.resolve(ReportWriter.INDEX))).contains(">leakyRelu(slope)<");
    }
}
