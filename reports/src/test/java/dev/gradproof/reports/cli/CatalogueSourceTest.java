package dev.gradproof.reports.cli;

import dev.gradproof.gradcheck.catalogue.OpCatalogue;
import dev.gradproof.gradcheck.catalogue.OpSample;
import dev.gradproof.gradcheck.catalogue.OpSpec;
import dev.gradproof.reports.output.ReportWriter;
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

/** gradcheck's op catalogue behind the command, found through the service loader. */
class CatalogueSourceTest {

    @TempDir
    Path dir;

    @Test
    void theInstalledSourceIsTheCatalogueWithItsOpsInOrder() {
        OpSource source = OpSource.installed();

        assertThat(source).isInstanceOf(CatalogueSource.class);
        assertThat(source.names()).containsExactlyElementsOf(OpCatalogue.specs().stream().map(OpSpec::name).toList());
    }

    @Test
    void everySampleIsPlannedOnceAndAgainForSecondOrderWhereItApplies() {
        OpSpec relu = OpCatalogue.spec("relu").orElseThrow();
        long samples = relu.samples(42).size();
        long secondOrder = relu.samples(42).stream().filter(s -> s.gradGradCheck().isPresent()).count();

        assertThat(new CatalogueSource().plan("relu", 42)).hasSize((int) (samples + secondOrder))
                .allSatisfy(p -> assertThat(p.op()).isEqualTo("relu"))
                .extracting(PlannedCheck::label)
                .containsAll(relu.samples(42).stream().map(OpSample::label).toList());
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
        CommandLine cli = new CommandLine(new GradproofCommand(OpSource.installed(),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
        cli.setOut(new PrintWriter(out, true));

        int status = cli.execute("--ops", "relu,leakyRelu(slope)", "--out", dir.toString());

        assertThat(status).as(out.toString()).isZero();
        int planned = new CatalogueSource().plan("relu", 42).size() + new CatalogueSource().plan("leakyRelu(slope)", 42).size();
        assertThat(out.toString()).startsWith("gradproof: " + planned + " checks (FULL mode, seed 42) over relu, leakyRelu(slope)")
                .containsPattern("\\nrelu\\s+\\d+").containsPattern("\\nleakyRelu\\(slope\\)\\s+\\d+")
                .containsPattern("\\nall\\s+" + planned + "\\s");
        assertThat(Files.readString(dir.resolve(ReportWriter.INDEX))).contains(">leakyRelu(slope)<");
    }
}
