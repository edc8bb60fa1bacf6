package dev.gradproof.reports.cli;

import dev.gradproof.reports.GradproofReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;

/**
 * Writes the report of every module of a build, as the reports module's {@code verify} phase does:
 * reads {@code <root>/<module>/target/gradproof-results/} and prints the path of the page.
 */
@Command(name = "gradproof-aggregate", mixinStandardHelpOptions = true,
        description = "Writes one HTML report of the gradcheck results recorded in every module of a build.")
public final class AggregateCommand implements Callable<Integer> {

    @Option(names = "--root", defaultValue = ".", paramLabel = "DIR",
            description = "The build's root folder; its modules' target/gradproof-results/ are read (default: ${DEFAULT-VALUE}).")
    Path root;

    @Option(names = "--out", paramLabel = "DIR",
            description = "The report folder (default: <root>/reports/target/gradproof-report).")
    Path out;

    @Option(names = "--since", paramLabel = "INSTANT",
            description = "Leave out results recorded before this ISO-8601 instant, e.g. the build's start "
                    + "2026-11-22T08:30:00Z (default: keep all).")
    String since;

    @Option(names = "--run", paramLabel = "ID",
            description = "Read only this run's folders, <module>/target/gradproof-results/ID, as the build's tests"
                    + " recorded them with -Dgradproof.run=ID (default: every run).")
    String run;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Instant from = null;
        if (since != null && !since.isBlank()) {
            try {
                from = Instant.parse(since);
            } catch (java.time.format.DateTimeParseException e) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--since: not an ISO-8601 instant such as 2026-11-22T08:30:00Z: '" + since + "'");
            }
        }
        if (!java.nio.file.Files.isDirectory(root)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--root: not a folder: " + root.toAbsolutePath());
        }
        Path folder = out != null ? out : root.resolve("reports").resolve("target").resolve(GradproofReport.FOLDER);
        GradproofReport.Written written = GradproofReport.ofBuild(root, folder, from,
                run == null || run.isBlank() ? null : run.trim());
        PrintWriter printer = spec.commandLine().getOut();
        printer.println(written.summary());
        printer.flush();
        return 0;
    }

    /** Runs the command; does not call {@code System.exit} on success, so that it can run inside Maven. */
    public static void main(String[] args) {
        int status = new CommandLine(new AggregateCommand()).execute(args);
        if (status != 0) {
            System.exit(status);
        }
    }
}
