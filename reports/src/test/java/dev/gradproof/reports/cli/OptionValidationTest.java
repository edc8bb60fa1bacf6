package dev.gradproof.reports.cli;

import dev.gradproof.reports.output.ReportWriter;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every malformed option exits with 2 before any check runs: one line on standard error naming the
 * option and what is allowed, no stack trace, no progress bar, no report.
 */
class OptionValidationTest {

    @TempDir
    Path dir;

    private final CommandRun cli = new CommandRun(new StandInCatalogue(), new NetworkChecks());

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "--samples -1           | --samples: must be an integer from 1 to 1000000, got -1",
            "--samples 0            | --samples: must be an integer from 1 to 1000000, got 0",
            "--samples 2000000      | --samples: must be an integer from 1 to 1000000, got 2000000",
            "--samples ten          | Invalid value for option '--samples': 'ten' is not an int",
            "--eps 0                | --eps: must be a number from 1.0E-15 to 0.1, got 0.0",
            "--eps NaN              | --eps: must be a number from 1.0E-15 to 0.1, got NaN",
            "--eps -1               | --eps: must be a number from 1.0E-15 to 0.1, got -1.0",
            "--eps 1e300            | --eps: must be a number from 1.0E-15 to 0.1, got 1.0E300",
            "--eps Infinity         | --eps: must be a number from 1.0E-15 to 0.1, got Infinity",
            "--eps 1e-20            | --eps: must be a number from 1.0E-15 to 0.1, got 1.0E-20",
            "--eps small            | Invalid value for option '--eps': 'small' is not a double",
            "--tries 0              | --tries: must be an integer from 1 to 100000, got 0",
            "--mode SLOW            | Invalid value for option '--mode': expected one of [FULL, SAMPLED, FAST] (case-sensitive) but was 'SLOW'",
            "--seed x               | Invalid value for option '--seed': 'x' is not a long",
            "--ops relu,softplus    | --ops: unknown op 'softplus'; known: relu, sigmoid, wrongSigmoid, throws, network (or none)",
            "--out /proc/gradproof  | --out: cannot write in /proc/gradproof",
            "--source Nowhere.java  | --source: no such file: ",
            "--source pom.xml       | --source: not a Java source file (*.java): pom.xml",
            "--classpath /no/such.jar | --classpath: no such jar or folder: /no/such.jar",
            "--checks my.Checks     | --checks: needs --classpath (the jar or classes folder holding the class)",
            "--adapter my.Adapter   | --adapter: needs --classpath (the jar or classes folder holding the class)",
            "--colour               | Unknown option: '--colour'",
    })
    void aMalformedOptionExitsWithTwoBeforeAnyCheckRuns(String option, String message) throws IOException {
        List<String> args = new ArrayList<>(Arrays.asList(option.split(" ")));
        if (!option.startsWith("--out")) {
            args.addAll(List.of("--out", dir.resolve("report").toString()));
        }

        int status = cli.run(args.toArray(String[]::new));

        assertThat(status).as(cli.printed()).isEqualTo(2);
        assertThat(cli.err()).startsWith("gradproof: " + message).hasLineCount(1)
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(cli.out()).isEmpty();
        assertThat(cli.progress()).as("no check ran").isEmpty();
        assertThat(dir.resolve("report").resolve(ReportWriter.INDEX)).doesNotExist();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "README.txt   | --source: not a Java source file (*.java): ",
            "Broken.java  | --source: Broken.java does not compile: line 1: ",
            "Empty.java   | --source: Empty.java declares no class implementing dev.gradproof.reports.source.CheckSource",
    })
    void aSourceFileThatIsNoCheckSourceIsAUsageError(String file, String message) throws IOException {
        Path source = dir.resolve(file);
        Files.writeString(source, file.startsWith("Broken") ? "public class Broken {" : "class Empty {}");

        int status = cli.run("--source", source.toString(), "--out", dir.resolve("report").toString());

        assertThat(status).as(cli.printed()).isEqualTo(2);
        assertThat(cli.err()).startsWith("gradproof: " + message).hasLineCount(1);
        assertThat(cli.progress()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--checks  | java.lang.String   | --checks: java.lang.String does not implement dev.gradproof.reports.source.CheckSource",
            "--adapter | java.lang.String   | --adapter: java.lang.String does not implement dev.gradproof.properties.engine.AutogradAdapter",
            "--adapter | my.Missing         | --adapter: class my.Missing is not on the classpath",
            "--checks  | dev.gradproof.reports.source.CheckSource | --checks: dev.gradproof.reports.source.CheckSource is abstract",
    })
    void aClassThatIsNotWhatTheOptionNeedsIsAUsageError(String option, String name, String message) {
        int status = cli.run("--classpath", dir.toString(), option, name, "--out", dir.resolve("report").toString());

        assertThat(status).as(cli.printed()).isEqualTo(2);
        assertThat(cli.err()).startsWith("gradproof: " + message).hasLineCount(1);
        assertThat(cli.progress()).isEmpty();
    }
}
