package dev.gradproof.reports.cli;

import dev.gradproof.gradcheck.recording.AtomicFiles;
import dev.gradproof.reports.GradproofReport;
import dev.gradproof.reports.collect.CollectedResults;
import dev.gradproof.reports.collect.MutationReports;
import dev.gradproof.reports.collect.MutationRun;
import dev.gradproof.reports.collect.ResultCollector;
import dev.gradproof.reports.collect.ResultsDirectory;
import dev.gradproof.reports.collect.SurvivorReasons;
import dev.gradproof.reports.output.DetectionMarkdown;
import dev.gradproof.reports.output.ReportWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Writes DETECTION.md and the HTML report of the mutation runs of the {@code mutation} module
 * ({@code <module>/target/pit-reports/<run>/mutations.xml}), as the {@code mutation} profile's
 * {@code verify} does after pitest; prints each run's score.
 */
@Command(name = "gradproof-detection", mixinStandardHelpOptions = true,
        description = "Writes DETECTION.md and the HTML report from pitest's mutations.xml of the mutation module.")
public final class DetectionCommand implements Callable<Integer> {

    @Option(names = "--module", required = true, paramLabel = "DIR",
            description = "The module whose target/pit-reports/<run>/mutations.xml are read.")
    Path module;

    @Option(names = "--reasons", required = true, paramLabel = "FILE",
            description = "Why each survivor survives (tab-separated: run, class, method, mutator, verdict, reason).")
    Path reasons;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The markdown file to write (DETECTION.md).")
    Path out;

    @Option(names = "--report", paramLabel = "DIR",
            description = "The HTML report's folder (default: <module>/target/gradproof-report).")
    Path report;

    @Option(names = "--command", defaultValue = "mvn -B -Pmutation -pl mutation -am verify", paramLabel = "TEXT",
            description = "The command that ran pitest, quoted in DETECTION.md (default: ${DEFAULT-VALUE}).")
    String command;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Path pitReports = module.resolve("target").resolve(MutationReports.FOLDER);
        List<MutationRun> runs = MutationReports.in(pitReports);
        if (runs.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--module: no mutation run (no <run>/" + MutationReports.FILE + ") in " + pitReports.toAbsolutePath());
        }
        if (!Files.isRegularFile(reasons)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--reasons: not a file: " + reasons.toAbsolutePath());
        }
        Instant now = Instant.now();
        AtomicFiles.write(out, DetectionMarkdown.of(runs, SurvivorReasons.read(reasons), command, now));
        // the runs just read, beside whatever checks the module itself recorded (none, in the mutation module)
        CollectedResults collected = ResultCollector.since(null).collect(List.of(ResultsDirectory.ofModuleDirectory(module)));
        ReportWriter.Written written = ReportWriter.write(collected, runs, "gradproof detection power",
                report != null ? report : module.resolve("target").resolve(GradproofReport.FOLDER));
        PrintWriter printer = spec.commandLine().getOut();
        for (MutationRun run : runs) {
            printer.println("mutation run " + run.name() + ": " + run.score().text() + " detected; backward code and backprop "
                    + run.backwardAndBackprop().text() + "; " + run.survivors().size() + " survivors");
        }
        printer.println("detection power: " + out.toAbsolutePath().normalize());
        printer.println("report: " + written.index());
        printer.flush();
        return 0;
    }

    /** Runs the command; does not call {@code System.exit} on success, so that it can run inside Maven. */
    public static void main(String[] args) {
        int status = new CommandLine(new DetectionCommand()).execute(args);
        if (status != 0) {
            System.exit(status);
        }
    }
}
