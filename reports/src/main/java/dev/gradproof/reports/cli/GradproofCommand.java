package dev.gradproof.reports.cli;

import dev.gradproof.gradcheck.model.Mode;
import dev.gradproof.gradcheck.recording.ResultRecorder;
import dev.gradproof.properties.engine.AutogradAdapter;
import dev.gradproof.reports.collect.CollectedResults;
import dev.gradproof.reports.collect.LoadedCheck;
import dev.gradproof.reports.collect.NotRun;
import dev.gradproof.reports.output.ReportWriter;
import dev.gradproof.reports.source.CheckSource;
import dev.gradproof.reports.source.PlannedCheck;
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
import java.util.function.Supplier;

/**
 * The main job: runs gradcheck over the op catalogue and the notes' two-layer network (or over the
 * user's code: checks of a {@link CheckSource} from a source file or a classpath, and the contract
 * kit against an engine's adapter), with a progress bar, prints a summary table, writes the HTML
 * report and prints its path. Every option is validated before any check runs. Exit code 0 when
 * every check passed, 1 when a check failed, was inconclusive or could not run (or a property of
 * the kit failed), 2 for a wrong option, with one line naming it.
 */
@Command(name = "gradproof", mixinStandardHelpOptions = true, version = "gradproof 0.1.0-SNAPSHOT",
        sortOptions = false, usageHelpAutoWidth = true,
        description = {
                "Proves gradients right: checks the analytic gradient of every op of autograd-core (the op catalogue)"
                        + " and of the lecture notes' two-layer network against numerical ones, element by element,"
                        + " prints a summary table and writes a self-contained HTML report.",
                "Your code instead: --source Check.java (a class implementing dev.gradproof.reports.source.CheckSource,"
                        + " compiled on the fly), --classpath with --checks CLASS or a CheckSource registered in"
                        + " META-INF/services, and --adapter CLASS (an AutogradAdapter: the contract kit and gradcheck"
                        + " over random graphs and networks of your engine).",
                ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every check passed (KINK is no failure)",
                "1:a check failed, was inconclusive or could not run, or a property of the kit failed",
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
                    + " From " + Limits.MIN_EPS + " to " + Limits.MAX_EPS + ". Default: 1e-6 in double precision.")
    Double eps;

    @Option(names = "--samples", paramLabel = "K",
            description = "Elements per input in SAMPLED mode, 1 to " + Limits.MAX_SAMPLES + ". Default: 10.")
    Integer samples;

    @Option(names = {"-o", "--out"}, defaultValue = "target/gradproof-report", paramLabel = "DIR",
            description = "The folder the report (index.html and results.json) is written to, created if needed."
                    + " Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--ops", split = ",(?![^(]*\\))", splitSynopsisLabel = ",", paramLabel = "OP",
            description = "Which ops of the catalogue to check, by name as --list prints them, comma-separated"
                    + " (quote names with parentheses: --ops 'relu,leakyRelu(slope)');"
                    + " 'network' is the notes' network, 'none' checks no catalogue op. Default: all ops and the network"
                    + " (with --source or --classpath: every check of your code).")
    List<String> ops;

    @Option(names = "--list", description = "Lists the ops that --ops accepts, with their domains and kinks, and exits.")
    boolean list;

    @Option(names = "--source", paramLabel = "FILE.java",
            description = "A single Java source file with a class implementing"
                    + " dev.gradproof.reports.source.CheckSource; compiled on the fly against gradproof (and --classpath),"
                    + " its checks replace the catalogue's.")
    Path source;

    @Option(names = {"-cp", "--classpath"}, split = "[:;]", splitSynopsisLabel = ":", paramLabel = "PATH",
            description = "Jars and classes folders of your code. Its CheckSources come from --checks, or from"
                    + " META-INF/services/dev.gradproof.reports.source.CheckSource when neither --checks nor --adapter is given.")
    List<Path> classpath;

    @Option(names = "--checks", paramLabel = "CLASS",
            description = "A class of --classpath implementing dev.gradproof.reports.source.CheckSource.")
    List<String> checkClasses;

    @Option(names = "--adapter", paramLabel = "CLASS",
            description = "A class of --classpath implementing dev.gradproof.properties.engine.AutogradAdapter: the"
                    + " contract kit runs against it (every invariant, and gradcheck over random graphs and networks).")
    String adapter;

    @Option(names = "--tries", defaultValue = "100", paramLabel = "N",
            description = "Tries per property of the contract kit (--adapter), 1 to " + Limits.MAX_TRIES
                    + ". Default: ${DEFAULT-VALUE}.")
    int tries;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final List<CheckSource> builtIn;
    private final PrintStream progress;

    /** The command over the op catalogue and the notes' network, its progress bar on standard error. */
    public GradproofCommand() {
        this(List.of(new CatalogueSource(), new NetworkChecks()), System.err);
    }

    /**
     * The command over other built-in sources of checks (tests use a small one).
     *
     * @param builtIn  the checks run when no user code is given
     * @param progress where the progress bar is drawn
     */
    public GradproofCommand(List<CheckSource> builtIn, PrintStream progress) {
        this.builtIn = List.copyOf(builtIn);
        this.progress = progress;
    }

    @Override
    public Integer call() {
        Plan plan;
        try {
            plan = prepare();
        } catch (BadUsage e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter printer = spec.commandLine().getOut();
        if (list) {
            plan.sources().forEach(s -> s.describe(seed).forEach(printer::println));
            printer.flush();
            return 0;
        }
        if (adapter == null || !plan.checks().isEmpty()) {
            printer.printf("gradproof: %d checks (%s mode, seed %d%s) over %s%n", plan.checks().size(), mode, seed,
                    eps == null ? "" : ", eps " + eps, describeSelection());
        }
        if (adapter != null) {
            printer.printf("gradproof: the contract kit against %s (%d tries per property; gradcheck over random graphs"
                    + " and networks inside it)%n", adapter, tries);
        }
        printer.flush();

        long start = System.nanoTime();
        List<Outcome> outcomes = new CheckRunner(mode, seed, eps, samples)
                .run(plan.checks(), progress, System.console() != null);
        CollectedResults collected = collect(outcomes);
        List<String> skipped = List.of();
        if (plan.adapter() != null) {
            KitRun.Outcome kit = new KitRun(tries, plan.workFolder().resolve("kit-results")).run(plan.adapter(), progress);
            collected = collected.plus(kit.recorded());
            skipped = kit.skipped();
        }
        double seconds = (System.nanoTime() - start) / 1e9;

        ReportWriter.Written written = ReportWriter.write(collected, title(), out);
        printer.println();
        printer.print(SummaryTable.of(written.view()));
        if (!skipped.isEmpty()) {
            printer.printf("contract kit: %d properties skipped, not supported by %s (never counted as passed):%n",
                    skipped.size(), adapter);
            skipped.forEach(p -> printer.println("  " + p));
        }
        for (Outcome o : outcomes) {
            if (o.result() != null && !o.result().passed()) {
                printer.println();
                printer.println(o.result().failureMessage());
            }
        }
        printer.printf("%nchecked in %.1f s; report: %s%n", seconds, written.index());
        printer.flush();
        return written.view().counts().allPassed() ? 0 : 1;
    }

    private String title() {
        return builtInOnly() ? "gradproof: the op catalogue and the notes' network" : "gradproof: your code";
    }

    private boolean builtInOnly() {
        return source == null && classpath == null && checkClasses == null && adapter == null;
    }

    private String describeSelection() {
        if (!builtInOnly()) {
            return (source != null ? source.getFileName().toString() : "your classpath")
                    + (ops == null ? "" : " (" + String.join(", ", ops) + ")");
        }
        return ops == null ? "every op of the catalogue and the notes' network" : String.join(", ", ops);
    }

    /**
     * What to run, every option validated first.
     *
     * @param sources    where the checks come from
     * @param checks     the checks selected
     * @param adapter    makes the engine of the contract kit, or null
     * @param workFolder the run's folder for compiled classes and the kit's results
     */
    record Plan(List<CheckSource> sources, List<PlannedCheck> checks, Supplier<AutogradAdapter<?>> adapter,
                Path workFolder) {
    }

    /** Validates every option and finds the checks, before anything runs. */
    Plan prepare() {
        Limits.requireSamples(samples);
        Limits.requireEps(eps);
        Limits.requireTries(tries);
        if (!list) {
            Limits.requireWritableFolder("--out", out);
        }
        if ((checkClasses != null || adapter != null) && classpath == null && source == null) {
            throw new BadUsage(checkClasses != null ? "--checks" : "--adapter", "needs --classpath (the jar or classes folder holding the class)");
        }
        List<Path> userPath = new ArrayList<>(classpath == null ? List.of() : classpath);
        UserCode.requireClasspath("--classpath", userPath);
        Path work = builtInOnly() ? null : UserCode.workFolder();
        List<String> declared = List.of();
        if (source != null) {
            Path classes = work.resolve("classes");
            declared = UserCode.compile(source, userPath, classes);
            userPath.add(classes);
        }
        ClassLoader loader = builtInOnly() ? null : UserCode.loader(userPath);
        List<CheckSource> sources = new ArrayList<>();
        if (builtInOnly()) {
            sources.addAll(builtIn);
        }
        if (source != null) {
            List<CheckSource> found = UserCode.implementations(loader, declared, CheckSource.class);
            if (found.isEmpty()) {
                throw new BadUsage("--source", source.getFileName() + " declares no class implementing "
                        + CheckSource.class.getName());
            }
            sources.addAll(found);
        }
        if (checkClasses != null) {
            for (String name : checkClasses) {
                sources.add(UserCode.instance(loader, name, CheckSource.class, "--checks"));
            }
        }
        Supplier<AutogradAdapter<?>> engine = null;
        if (adapter != null) {
            ClassLoader adapters = loader;
            UserCode.instance(adapters, adapter, AutogradAdapter.class, "--adapter");
            engine = () -> UserCode.instance(adapters, adapter, AutogradAdapter.class, "--adapter");
        }
        if (classpath != null && source == null && checkClasses == null && adapter == null) {
            ClassLoader user = loader;
            List<CheckSource> registered = CheckSource.registered(user).stream()
                    .filter(s -> s.getClass().getClassLoader() == user).toList();
            if (registered.isEmpty()) {
                throw new BadUsage("--classpath", "no " + CheckSource.class.getName() + " registered in its"
                        + " META-INF/services; name one with --checks CLASS, or an engine with --adapter CLASS");
            }
            sources.addAll(registered);
        }
        return new Plan(sources, select(sources), engine, work);
    }

    /** The checks of the sources, filtered by {@code --ops}. */
    private List<PlannedCheck> select(List<CheckSource> sources) {
        List<PlannedCheck> all = new ArrayList<>();
        for (CheckSource s : sources) {
            try {
                all.addAll(s.checks(seed));
            } catch (RuntimeException e) {
                throw new BadUsage(builtInOnly() ? "--seed" : "--source",
                        s.getClass().getName() + ".checks(" + seed + ") threw " + e);
            }
        }
        if (ops == null) {
            return all;
        }
        Set<String> known = new LinkedHashSet<>();
        all.forEach(c -> known.add(c.op()));
        Set<String> wanted = new LinkedHashSet<>();
        for (String op : ops) {
            String name = op.trim();
            if (name.equals("none")) {
                continue;
            }
            if (!known.contains(name)) {
                throw new BadUsage("--ops", "unknown op '" + name + "'; known: " + String.join(", ", known)
                        + " (or none)");
            }
            wanted.add(name);
        }
        List<PlannedCheck> selected = new ArrayList<>();
        for (String name : wanted) {
            all.stream().filter(c -> c.op().equals(name)).forEach(selected::add);
        }
        return selected;
    }

    private static CollectedResults collect(List<Outcome> outcomes) {
        List<LoadedCheck> checks = new ArrayList<>();
        List<NotRun> notRun = new ArrayList<>();
        for (Outcome o : outcomes) {
            if (o.result() != null) {
                checks.add(new LoadedCheck("gradproof", Path.of(ResultRecorder.uniqueName(o.planned().label())),
                        o.result()));
            } else {
                notRun.add(new NotRun(o.planned().op(), o.planned().label(), o.error()));
            }
        }
        return new CollectedResults(List.of(), checks, List.of(), List.of(), 0, null, notRun);
    }

    /** The command line with gradproof's handling of mistakes: one line, exit code 2, no stack trace. */
    public static CommandLine commandLine(GradproofCommand command) {
        CommandLine cli = new CommandLine(command);
        cli.setParameterExceptionHandler((e, args) -> {
            e.getCommandLine().getErr().println("gradproof: " + e.getMessage() + " (gradproof --help lists the options)");
            e.getCommandLine().getErr().flush();
            return 2;
        });
        return cli;
    }

    /** Runs the command and exits with its code. */
    public static void main(String[] args) {
        System.exit(commandLine(new GradproofCommand()).execute(args));
    }
}
