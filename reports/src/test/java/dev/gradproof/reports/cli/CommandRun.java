package dev.gradproof.reports.cli;

import dev.gradproof.reports.source.CheckSource;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Runs the command in-process as its {@code main} does (picocli with gradproof's handling of
 * mistakes), over given built-in sources, and keeps what it printed: standard output, standard
 * error and the progress bar, each over every run.
 */
final class CommandRun {

    private final List<CheckSource> builtIn;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final ByteArrayOutputStream progress = new ByteArrayOutputStream();

    CommandRun(CheckSource... builtIn) {
        this.builtIn = List.of(builtIn);
    }

    /** Runs the command; its exit code. */
    int run(String... args) {
        CommandLine cli = GradproofCommand.commandLine(new GradproofCommand(builtIn,
                new PrintStream(progress, true, StandardCharsets.UTF_8)));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    String out() {
        return out.toString();
    }

    String err() {
        return err.toString();
    }

    String progress() {
        return progress.toString(StandardCharsets.UTF_8);
    }

    /** Both streams, for an assertion's description. */
    String printed() {
        return out + "\n" + err;
    }
}
