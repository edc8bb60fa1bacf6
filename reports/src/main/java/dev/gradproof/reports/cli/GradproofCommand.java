package dev.gradproof.reports.cli;

import dev.gradproof.gradcheck.model.Mode;
import dev.gradproof.reports.collect.CollectedResults;
import dev.gradproof.reports.collect.LoadedCheck;
import dev.gradproof.reports.collect.UnreadableFile;
import dev.gradproof.reports.output.ReportWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * The main job: runs gradcheck over the op catalogue and the notes' two-layer network, with a
 * progress bar, prints a summary table, writes the HTML report and prints its path. Exit code 0
 * when nothing failed, 1 when a check failed or could not run, 2 for a wrong option.
 */
@Command(name = "gradproof", mixinStandardHelpOptions = true, version = "gradproof 0.1.0-SNAPSHOT",
        sortOptions = false, usageHelpAutoWidth = true,
        description = {
                "Proves gradients right: checks the analytic gradient of every op of autograd-core (the op catalogue)"
                        + " and of the lecture notes' two-layer network against numerical ones, element by element,"
                        + " prints a summary table and writes a self-contained HTML report.",
                ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:nothing failed (KINK is no failure)", "1:a check failed or could not run",
                "2:a wrong option"})
public final class GradproofCommand implements Callable<Integer> {

    @Option(names = {"-m", "--mode"}, defaultValue = "FULL", paramLabel = "MODE",
            description = "FULL: every element of every input; SAMPLED: --samples elements per input chosen from the"
                    + " seed (the largest gradient and the elements nearest a kink always among them); FAST: random"
                    + " directional derivatives u^T J v. The notes' full-size network (101,000 weights) runs SAMPLED instead of FULL."
                    + " Default: ${DEFAULT-VALUE}.")
    Mode mode;

    @Option(names = {"-s", "--seed"}, defaultValue = "42", paramLabel = "N",
            description = "The seed of every random choice: the catalogue's samples, the network's data and weights,"
                    + " sampled elements and directions. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = {"-e", "--eps"}, paramLabel = "EPS",
            description = "The finite-difference step of the central difference (f(x+h) - f(x-h)) / 2h:"
                    + " h = EPS max(1, |x|) for an element x (a unit step along a FAST direction)."
                    + " Default: 1e-6 in double precision.")
    Double eps;

    @Option(names = "--samples", paramLabel = "K",
            description = "Elements per input in SAMPLED mode. Default: 10.")
    Integer samples;

    @Option(names = {"-o", "--out"}, defaultValue = "target/gradproof-report", paramLabel = "DIR",
            description = "The folder the report (index.html and results.json) is written to, created if needed."
                    + " Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--ops", split = ",(?![^(]*\\))", splitSynopsisLabel = ",", paramLabel = "OP",
            description = "Which ops of the catalogue to check, by name as --list prints them, comma-separated"
                    + " (quote names with parentheses: --ops 'relu,leakyRelu(slope)');"
                    + " 'network' is the notes' network, 'none' checks no catalogue op. Default: all ops and the network.")
    List<String> ops;

    @Option(names = "--list", description = "Lists the ops that --ops accepts, with their domains and kinks, and exits.")
    boolean list;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final OpSource catalogue;
    private final PrintStream progress;

    /** The command over the installed op catalogue, its progress bar on standard error. */
    public GradproofCommand() {
        this(OpSource.installed(), System.err);
    }

    /**
     * The command over another source of op checks (tests use a small one).
     *
     * @param catalogue the ops
     * @param progress  where the progress bar is drawn
     */
    public GradproofCommand(OpSource catalogue, PrintStream progress) {
        this.catalogue = catalogue;
        this.progress = progress;
    }

    @Override
    public Integer call() {
        PrintWriter printer = spec.commandLine().getOut();
        if (list) {
            catalogue.describe().forEach(printer::println);
            printer.println(NetworkChecks.OP + ": the notes' two-layer network, sum((sigmoid(x w1) w2 - y)^2),"
                    + " weights w1 and w2");
            printer.flush();
            return 0;
        }
        List<PlannedCheck> planned = plan();
        printer.printf("gradproof: %d checks (%s mode, seed %d%s) over %s%n", planned.size(), mode, seed,
                eps == null ? "" : ", eps " + eps, describeSelection());
        printer.flush();

        long start = System.nanoTime();
        List<Outcome> outcomes = new CheckRunner(mode, seed, eps, samples)
                .run(planned, progress, System.console() != null);
        double seconds = (System.nanoTime() - start) / 1e9;

        ReportWriter.Written written = ReportWriter.write(collect(outcomes),
                "gradproof: the op catalogue and the notes' network", out);
        printer.println();
        printer.print(SummaryTable.of(written.view()));
        for (Outcome o : outcomes) {
            if (o.result() != null && !o.result().passed()) {
                printer.println();
                printer.println(o.result().failureMessage());
            }
        }
        printer.printf("%nchecked in %.1f s; report: %s%n", seconds, written.index());
        printer.flush();
        boolean failed = outcomes.stream().anyMatch(o -> o.result() == null || !o.result().passed());
        return failed ? 1 : 0;
    }

    private String describeSelection() {
        if (ops == null) {
            return catalogue.names().isEmpty() ? "the notes' network (no op catalogue on the classpath)"
                    : "every op of the catalogue and the notes' network";
        }
        return String.join(", ", ops);
    }

    /** The checks to run, in catalogue order, then the network. */
    List<PlannedCheck> plan() {
        Set<String> known = new LinkedHashSet<>(catalogue.names());
        known.add(NetworkChecks.OP);
        Set<String> wanted = new LinkedHashSet<>();
        if (ops == null) {
            wanted.addAll(known);
        } else {
            for (String op : ops) {
                String name = op.trim();
                if (name.equals("none")) {
                    continue;
                }
                if (!known.contains(name)) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--ops: unknown op '" + name
                            + "'; known: " + String.join(", ", known) + " (or none)");
                }
                wanted.add(name);
            }
        }
        List<PlannedCheck> planned = new ArrayList<>();
        for (String name : wanted) {
            if (!name.equals(NetworkChecks.OP)) {
                planned.addAll(catalogue.plan(name, seed));
            }
        }
        if (wanted.contains(NetworkChecks.OP)) {
            planned.addAll(NetworkChecks.plan(seed));
        }
        return planned;
    }

    private static CollectedResults collect(List<Outcome> outcomes) {
        List<LoadedCheck> checks = new ArrayList<>();
        List<UnreadableFile> errors = new ArrayList<>();
        int n = 0;
        for (Outcome o : outcomes) {
            Path name = Path.of("check-" + (++n));
            if (o.result() != null) {
                checks.add(new LoadedCheck("gradproof", name, o.result()));
            } else {
                errors.add(new UnreadableFile("gradproof", name, 0,
                        "\"" + o.planned().label() + "\" could not run: " + o.error()));
            }
        }
        return new CollectedResults(List.of(), checks, List.of(), errors, 0, null);
    }

    /** Runs the command and exits with its code. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new GradproofCommand()).execute(args));
    }
}
