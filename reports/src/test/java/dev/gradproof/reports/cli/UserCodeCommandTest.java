package dev.gradproof.reports.cli;

import dev.gradproof.reports.output.ReportWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command over the user's code, end to end through its main entry (picocli, as {@code main}
 * runs it): a student's single source file compiled on the fly, a classes folder with a registered
 * source, and an engine in a jar with its adapter, which gets the contract kit and the report.
 */
class UserCodeCommandTest {

    /** The notes' sigmoid, σ(x) = 1 / (1 + e^-x), whose local gradient is (1 − σ) σ. */
    static final String SIGMOID = """
            import dev.gradproof.gradcheck.GradCheck;
            import dev.gradproof.reports.source.CheckSource;
            import dev.gradproof.reports.source.PlannedCheck;
            import java.util.List;

            public class SigmoidBackward implements CheckSource {
                static double sigma(double x) {
                    return 1 / (1 + Math.exp(-x));
                }

                @Override
                public List<PlannedCheck> checks(long seed) {
                    return List.of(PlannedCheck.of("sigmoid backward", () -> GradCheck.scalar(
                            in -> { double s = 0; for (double x : in[0]) { s += sigma(x); } return s; },
                            in -> {
                                double[] g = new double[in[0].length];
                                for (int i = 0; i < g.length; i++) {
                                    double s = sigma(in[0][i]);
                                    g[i] = LOCAL_GRADIENT;
                                }
                                return new double[][] {g};
                            })
                            .input("x", new double[] {-2, -0.5, 0.25, 1, 3})));
                }
            }
            """;

    @TempDir
    Path dir;

    private final CommandRun cli = new CommandRun(new StandInCatalogue());

    private int run(String... args) {
        return cli.run(args);
    }

    private Path sigmoid(String localGradient) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("student"));
        return Files.writeString(folder.resolve("SigmoidBackward.java"), SIGMOID.replace("LOCAL_GRADIENT", localGradient));
    }

    @Test
    void aSigmoidBackwardMissingTheFactorOneMinusSigmaFailsWithTheElementTable() throws IOException {
        Path report = dir.resolve("report");

        int status = run("--source", sigmoid("s").toString(), "--out", report.toString());

        assertThat(status).as(cli.printed()).isEqualTo(1);
        // at x = 0.25: analytic σ(0.25) = 0.5621765, numerical σ(0.25)(1 − σ(0.25)) = 0.2461340
        assertThat(cli.out()).startsWith("gradproof: 1 checks (FULL mode, seed 42) over SigmoidBackward.java")
                .containsPattern("sigmoid backward\\s+1\\s+5\\s+\\S+\\s+0\\s+0\\s+0\\s+1")
                .contains("gradcheck \"sigmoid backward\" FAILED")
                .contains("input 0 \"x\" [5] at [2]: analytic 0.562 numerical 0.246")
                .contains("replay: GradCheck.scalar(value, gradient)");
        assertThat(report.resolve(ReportWriter.INDEX)).exists();
        assertThat(cli.err()).isEmpty();
    }

    @Test
    void theSameFileCorrectedPasses() throws IOException {
        int status = run("--source", sigmoid("(1 - s) * s").toString(), "--out", dir.resolve("report").toString());

        assertThat(status).as(cli.printed()).isZero();
        assertThat(cli.out()).containsPattern("sigmoid backward\\s+1\\s+5\\s+\\S+\\s+1\\s+0\\s+0\\s+0")
                .containsPattern("all\\s+1\\s+5\\s+1\\s+0\\s+0\\s+0").doesNotContain("FAILED");
    }

    /** Runs gradproof's main in a new JVM; its exit code, with standard output and error in {@code dir}. */
    private int process(String name, String... args) throws IOException, InterruptedException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classpath,
                GradproofCommand.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectOutput(dir.resolve(name + ".out").toFile())
                .redirectError(dir.resolve(name + ".err").toFile()).start();
        assertThat(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).as("gradproof finished").isTrue();
        return p.exitValue();
    }

    @Test
    void asARealProcessTheExitCodesAreTheCommands() throws IOException, InterruptedException {
        assertThat(process("wrong", "--source", sigmoid("s").toString(), "--out", dir.resolve("r").toString()))
                .isEqualTo(1);
        assertThat(Files.readString(dir.resolve("wrong.out"))).contains("gradcheck \"sigmoid backward\" FAILED")
                .contains("input 0 \"x\" [5] at [2]: analytic 0.562 numerical 0.246");

        assertThat(process("right", "--source", sigmoid("(1 - s) * s").toString(), "--out",
                dir.resolve("r").toString())).isZero();

        assertThat(process("usage", "--eps", "0")).isEqualTo(2);
        assertThat(Files.readString(dir.resolve("usage.err")))
                .isEqualTo("gradproof: --eps: must be a number from 1.0E-15 to 0.1, got 0.0 (gradproof --help lists the options)\n");
        assertThat(Files.readString(dir.resolve("usage.out"))).isEmpty();
    }

    @Test
    void aClassThatIsNotPublicWillDoInASourceFile() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("plain"));
        Path source = Files.writeString(folder.resolve("SigmoidBackward.java"),
                SIGMOID.replace("public class", "class").replace("LOCAL_GRADIENT", "(1 - s) * s"));

        assertThat(run("--source", source.toString(), "--out", dir.resolve("report").toString())).as(cli.printed())
                .isZero();
    }

    @Test
    void aSourceFileThatDoesNotCompileIsAUsageErrorNamingTheLine() throws IOException {
        int status = run("--source", sigmoid("s +").toString(), "--out", dir.resolve("report").toString());

        assertThat(status).isEqualTo(2);
        assertThat(cli.err()).startsWith("gradproof: --source: SigmoidBackward.java does not compile: line 19: ")
                .hasLineCount(1);
        assertThat(cli.progress()).isEmpty();
    }

    @Test
    void aClassesFolderWithARegisteredSourceIsCheckedAndSoIsANamedClass() throws IOException {
        Path classes = dir.resolve("classes");
        UserCode.compile(sigmoid("(1 - s) * s"), List.of(), classes);
        Path services = Files.createDirectories(classes.resolve("META-INF").resolve("services"));
        Files.writeString(services.resolve("dev.gradproof.reports.source.CheckSource"), "SigmoidBackward\n");

        assertThat(run("--classpath", classes.toString(), "--out", dir.resolve("a").toString())).as(cli.out())
                .isZero();
        assertThat(cli.out()).contains("gradproof: 1 checks").containsPattern("sigmoid backward\\s+1\\s+5");

        assertThat(run("--classpath", classes.toString(), "--checks", "SigmoidBackward", "--out",
                dir.resolve("b").toString())).isZero();
    }

    /** An engine of its own: autograd-core's Variable behind an adapter, in a jar, as README's example. */
    static final String ADAPTER = """
            package my.engine;

            import dev.gradproof.autograd.Shape;
            import dev.gradproof.autograd.Tensor;
            import dev.gradproof.autograd.Variable;
            import dev.gradproof.properties.engine.AutogradAdapter;
            import dev.gradproof.properties.engine.DenseArray;
            import dev.gradproof.properties.engine.OpCall;
            import java.util.List;
            import java.util.Set;

            public class MyAdapter implements AutogradAdapter<Variable> {
                public Set<String> ops() {
                    return Set.of("add", "sub", "mul", "neg", "tanh", "sum");
                }

                public Variable leaf(String name, DenseArray value) {
                    return Variable.leaf(name, Tensor.of(value.data(), value.shape()));
                }

                public Variable apply(OpCall call, List<Variable> in) {
                    return switch (call.op()) {
                        case "add" -> in.get(0).add(in.get(1));
                        case "sub" -> SUB;
                        case "mul" -> in.get(0).mul(in.get(1));
                        case "neg" -> in.get(0).neg();
                        case "tanh" -> in.get(0).tanh();
                        case "sum" -> in.get(0).sum();
                        default -> throw new IllegalArgumentException("not declared: " + call.op());
                    };
                }

                public void backward(Variable output, DenseArray upstream) {
                    output.backward(Tensor.of(upstream.data(), Shape.of(upstream.shape())));
                }

                public DenseArray value(Variable node) {
                    return new DenseArray(node.value().toArray(), node.value().dims());
                }

                public DenseArray grad(Variable node) {
                    return new DenseArray(node.grad().toArray(), node.grad().dims());
                }
            }
            """;

    private Path engineJar(String sub) throws IOException {
        Path source = Files.createDirectories(dir.resolve("engine-src")).resolve("MyAdapter.java");
        Files.writeString(source, ADAPTER.replace("SUB", sub));
        Path classes = dir.resolve("engine-classes");
        UserCode.compile(source, List.of(), classes);
        Path jar = dir.resolve("my-engine.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(file);
             Stream<Path> walk = Files.walk(classes)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                zip.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
                zip.write(Files.readAllBytes(p));
                zip.closeEntry();
            }
        }
        return jar;
    }

    @Test
    void anEngineInAJarWithItsAdapterGetsTheKitAndTheReport() throws IOException {
        Path report = dir.resolve("report");

        int status = run("--classpath", engineJar("in.get(0).sub(in.get(1))").toString(), "--adapter",
                "my.engine.MyAdapter", "--tries", "30", "--out", report.toString());

        assertThat(status).as(cli.printed()).isZero();
        assertThat(cli.out()).startsWith("gradproof: the contract kit against my.engine.MyAdapter (30 tries per property;")
                .doesNotContain("checks (FULL mode")
                .containsPattern("contract kit: \\d+ properties, \\d+ successful, [1-9]\\d* skipped, 0 failed, \\d+ aborted")
                .containsPattern("contract kit: \\d+ properties skipped, not supported by my.engine.MyAdapter")
                .contains("  constantsGetNoGradient: KIT-502 not supported: MyAdapter does not declare capability CONSTANTS");
        assertThat(Files.readString(report.resolve(ReportWriter.INDEX))).contains("graphsAndNetworksPassGradcheck");
    }

    @Test
    void anEngineWhoseSubSwapsItsOperandsFailsTheKit() throws IOException {
        int status = run("--classpath", engineJar("in.get(1).sub(in.get(0))").toString(), "--adapter",
                "my.engine.MyAdapter", "--tries", "30", "--out", dir.resolve("report").toString());

        assertThat(status).as(cli.printed()).isEqualTo(1);
        assertThat(cli.out()).containsPattern("contract kit: \\d+ properties, \\d+ successful, \\d+ skipped, [1-9]\\d* failed")
                .containsPattern("FAILED AdapterContract\\.\\w+: ");
    }
}
