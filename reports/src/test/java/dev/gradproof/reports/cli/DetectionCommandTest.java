package dev.gradproof.reports.cli;

import dev.gradproof.reports.collect.CodeArea;
import dev.gradproof.reports.collect.MutationReports;
import dev.gradproof.reports.collect.MutationRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * DETECTION.md and the report's mutation section from pitest's mutations.xml: scores counted by
 * hand from a small file, every survivor listed with its reason (or as unexplained), NON_VIABLE
 * mutants left out, a broken file named.
 */
class DetectionCommandTest {

    private static final String MUTATOR = "org.pitest.mutationtest.engine.gregor.mutators.";

    @TempDir
    Path root;

    /** Six mutants: four of backward code and backprop (three detected), a kernel's uncovered, one non-viable. */
    private static final String DETECTION_XML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<mutations partial=\"false\">\n"
            + mutation("KILLED", true, "dev.gradproof.autograd.Mul", "backward", 20, "MathMutator",
                    "Replaced double multiplication with division", "dev.gradproof.gradcheck.catalogue.OpCatalogueSuiteTest")
            + mutation("SURVIVED", false, "dev.gradproof.autograd.Relu", "backward", 23, "NegateConditionalsMutator",
                    "negated conditional", "")
            + mutation("KILLED", true, "dev.gradproof.autograd.Backprop", "run", 60, "VoidMethodCallMutator",
                    "removed call to accumulate", "dev.gradproof.properties.core.AutogradCoreContractProperties")
            + mutation("TIMED_OUT", true, "dev.gradproof.autograd.Extremum", "lambda$backward$0", 46, "ConditionalsBoundaryMutator",
                    "changed conditional boundary", "")
            + mutation("NO_COVERAGE", false, "dev.gradproof.autograd.kernel.ParallelRows", "run", 40, "MathMutator",
                    "Replaced integer addition with subtraction", "")
            + mutation("NON_VIABLE", false, "dev.gradproof.autograd.Tensor", "times", 99, "MathMutator", "x", "")
            + "</mutations>\n";

    private static final String KIT_XML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<mutations>\n"
            + mutation("SURVIVED", false, "dev.gradproof.autograd.Mul", "backward", 20, "MathMutator",
                    "Replaced double multiplication with division", "")
            + mutation("KILLED", true, "dev.gradproof.autograd.Backprop", "run", 60, "VoidMethodCallMutator",
                    "removed call to accumulate", "dev.gradproof.mutation.KitAloneProperties")
            + "</mutations>\n";

    private static String mutation(String status, boolean detected, String type, String method, int line, String mutator,
                                   String description, String killingTest) {
        return "<mutation detected='" + detected + "' status='" + status + "' numberOfTestsRun='1'>"
                + "<sourceFile>X.java</sourceFile><mutatedClass>" + type + "</mutatedClass><mutatedMethod>" + method
                + "</mutatedMethod><methodDescription>()V</methodDescription><lineNumber>" + line + "</lineNumber><mutator>"
                + MUTATOR + mutator + "</mutator><indexes><index>1</index></indexes><blocks><block>1</block></blocks>"
                + (killingTest.isEmpty() ? "<killingTest/>" : "<killingTest>" + killingTest + "</killingTest>")
                + "<description>" + description + "</description></mutation>\n";
    }

    private Path module() throws IOException {
        Path module = root.resolve("mutation");
        write(module.resolve("target/pit-reports/detection/mutations.xml"), DETECTION_XML);
        write(module.resolve("target/pit-reports/kit/mutations.xml"), KIT_XML);
        return module;
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    @Test
    void scoresAreCountedOverViableMutantsPerArea() throws IOException {
        MutationRun run = MutationReports.read(module().resolve("target/pit-reports/detection/mutations.xml"));

        assertThat(run.name()).isEqualTo("detection");
        assertThat(run.partial()).isFalse();
        assertThat(run.mutants()).hasSize(6);
        // NON_VIABLE is left out: 3 of the 5 viable are detected (KILLED, KILLED, TIMED_OUT)
        assertThat(run.score()).isEqualTo(new MutationRun.Score(3, 5));
        assertThat(run.score().text()).isEqualTo("60.0 % (3 of 5)");
        // Mul.backward, Relu.backward, Extremum's lambda in backward; Backprop.run
        assertThat(run.score(CodeArea.BACKWARD)).isEqualTo(new MutationRun.Score(2, 3));
        assertThat(run.score(CodeArea.BACKPROP)).isEqualTo(new MutationRun.Score(1, 1));
        assertThat(run.backwardAndBackprop().text()).isEqualTo("75.0 % (3 of 4)");
        assertThat(run.score(CodeArea.KERNEL)).isEqualTo(new MutationRun.Score(0, 1));
        assertThat(run.score(CodeArea.OP)).isEqualTo(new MutationRun.Score(0, 0));
        // no mutant of an area is no evidence: no percentage, and no target met
        assertThat(run.score(CodeArea.OP).percent()).isNaN();
        assertThat(run.score(CodeArea.OP).text()).isEqualTo("no mutants");
        assertThat(run.score(CodeArea.OP).meets(0)).isFalse();
        assertThat(run.survivors()).extracting(m -> m.shortClass() + "." + m.method() + ":" + m.line() + " " + m.mutator())
                .containsExactly("Relu.backward:23 NegateConditionals", "kernel.ParallelRows.run:40 Math");
    }

    @Test
    void areasFollowTheClassAndMethod() {
        assertThat(CodeArea.of("dev.gradproof.autograd.Graph$Walk", "<init>")).isEqualTo(CodeArea.BACKPROP);
        assertThat(CodeArea.of("dev.gradproof.autograd.Variable", "backward")).isEqualTo(CodeArea.BACKPROP);
        assertThat(CodeArea.of("dev.gradproof.autograd.Variable", "mul")).isEqualTo(CodeArea.OP);
        assertThat(CodeArea.of("dev.gradproof.autograd.PiecewiseOp", "perBranch")).isEqualTo(CodeArea.BACKWARD);
        assertThat(CodeArea.of("dev.gradproof.autograd.Relu", "apply")).isEqualTo(CodeArea.OP);
        assertThat(CodeArea.of("dev.gradproof.autograd.Shape", "broadcast")).isEqualTo(CodeArea.KERNEL);
        assertThat(CodeArea.of("dev.gradproof.autograd.kernel.Gemm", "multiply")).isEqualTo(CodeArea.KERNEL);
    }

    @Test
    void detectionMdListsEverySurvivorWithItsReasonAndTheReportShowsTheRuns() throws IOException {
        Path module = module();
        Path reasons = root.resolve("reasons.tsv");
        Files.writeString(reasons, "# comment\n*\tRelu\tbackward\tNegateConditionals\tGAP\tno sample at the kink\n");
        Path out = root.resolve("DETECTION.md");
        StringWriter printed = new StringWriter();
        CommandLine cli = new CommandLine(new DetectionCommand());
        cli.setOut(new PrintWriter(printed, true));

        int status = cli.execute("--module", module.toString(), "--reasons", reasons.toString(), "--out", out.toString(),
                "--command", "mvn -Pmutation verify");

        assertThat(status).as(printed.toString()).isZero();
        String md = Files.readString(out);
        assertThat(md).contains("`mvn -Pmutation verify`")
                .contains("| all (target ≥ 90 %) | 60.0 % (3 of 5) | 50.0 % (1 of 2) |")
                .contains("| backward code + backprop (target ≥ 95 %) | 75.0 % (3 of 4) | 50.0 % (1 of 2) |")
                .contains("Targets: **NOT met** overall, **NOT met** for backward code and backprop.")
                .contains("## Every survivor of the run of every killing test (2)")
                .contains("0 equivalent, 1 gaps, 1 not yet explained.")
                .contains("| `Relu` | `backward` | 23 | NegateConditionals: negated conditional | SURVIVED | backward code | GAP | no sample at the kink |")
                .contains("| `kernel.ParallelRows` | `run` | 40 | Math: Replaced integer addition with subtraction | NO_COVERAGE | kernels | UNEXPLAINED |  |")
                .contains("## Every survivor of the contract kit alone (1)")
                .doesNotContain("| `Tensor`");
        assertThat(printed.toString()).contains("mutation run detection: 60.0 % (3 of 5) detected; backward code and backprop 75.0 % (3 of 4); 2 survivors");
        String html = Files.readString(module.resolve("target/gradproof-report/index.html"));
        assertThat(html).contains("id=\"mutation-detection\"").contains("id=\"mutation-kit\"")
                .contains("60.0 % (3 of 5)").contains("<td>kernel.ParallelRows</td>");
    }

    /** A run that mutated no backward code or backprop (narrowed to a kernel) meets no target there: it measured nothing. */
    @Test
    void aRunWithoutMutantsOfAnAreaSaysItIsNotMeasured() throws IOException {
        Path module = root.resolve("mutation");
        write(module.resolve("target/pit-reports/detection/mutations.xml"),
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<mutations partial=\"false\">\n"
                        + mutation("KILLED", true, "dev.gradproof.autograd.kernel.Gemm", "multiplyRows", 50, "MathMutator",
                                "Replaced integer addition with subtraction", "dev.gradproof.gradcheck.kernels.MatmulOracleTest")
                        + "</mutations>\n");
        Path out = root.resolve("DETECTION.md");
        StringWriter printed = new StringWriter();
        CommandLine cli = new CommandLine(new DetectionCommand());
        cli.setOut(new PrintWriter(printed, true));

        Path reasons = root.resolve("reasons.tsv");
        Files.writeString(reasons, "# no survivors to explain\n");
        int status = cli.execute("--module", module.toString(), "--reasons", reasons.toString(), "--out", out.toString());

        assertThat(status).as(printed.toString()).isZero();
        assertThat(Files.readString(out))
                .contains("| backward code + backprop (target ≥ 95 %) | no mutants | not run |")
                .contains("Targets: **met** overall, **not measured** (no mutants) for backward code and backprop.");
        assertThat(printed.toString()).contains("backward code and backprop no mutants");
    }

    @Test
    void aPartialRunIsSaidToBePartial() throws IOException {
        Path module = root.resolve("m");
        write(module.resolve("target/pit-reports/detection/mutations.xml"), DETECTION_XML.substring(0, DETECTION_XML.indexOf("</mutations>")) + "<mutation detected='true' status='KIL");
        Path reasons = root.resolve("reasons.tsv");
        Files.writeString(reasons, "");
        Path out = root.resolve("D.md");

        int status = new CommandLine(new DetectionCommand()).execute("--module", module.toString(), "--reasons",
                reasons.toString(), "--out", out.toString());

        assertThat(status).isZero();
        assertThat(Files.readString(out)).contains("**The run `detection` is partial**")
                .contains("its score is of the 5 viable mutants it lists, of the classes `Backprop`, `Extremum`, `Mul`, `Relu`, `kernel.ParallelRows`.");
        assertThat(Files.readString(module.resolve("target/gradproof-report/index.html")))
                .contains("(partial: stopped before its end)");
    }

    @Test
    void aBrokenMutationsXmlIsNamed() throws IOException {
        Path file = root.resolve("pit/detection/mutations.xml");
        write(file, "<mutations><mutation status='KILLED'></mutations>");

        assertThatThrownBy(() -> MutationReports.read(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString());
        write(file, "<mutations><mutation detected='true' status='KILLED'><mutatedClass>A</mutatedClass></mutation></mutations>");
        assertThatThrownBy(() -> MutationReports.read(file)).hasMessageContaining("mutation 0 has no <lineNumber>");
    }

    @Test
    void aModuleWithoutMutationRunsIsABadUsage() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new DetectionCommand());
        cli.setErr(new PrintWriter(err, true));

        int status = cli.execute("--module", root.toString(), "--reasons", root.resolve("r.tsv").toString(),
                "--out", root.resolve("D.md").toString());

        assertThat(status).isNotZero();
        assertThat(err.toString()).contains("no mutation run");
    }
}
