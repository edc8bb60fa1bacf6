package dev.gradproof.reports.collect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.gradproof.gradcheck.model.ElementRecord;
import dev.gradproof.gradcheck.model.GradCheckResult;
import dev.gradproof.gradcheck.model.InputResult;
import dev.gradproof.gradcheck.model.ResultJson;
import dev.gradproof.gradcheck.recording.AtomicFiles;
import dev.gradproof.properties.recording.PropertyRun;
import dev.gradproof.properties.recording.PropertyRunJson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads every result file of some results folders: gradcheck results and jqwik property runs
 * (told apart by the property run's {@code format} field). A file that cannot be read (empty, cut short by
 * an interrupted write, not JSON, not a gradcheck result, missing required fields, a later schema)
 * becomes an {@link UnreadableFile} that says so; nothing throws and nothing is skipped silently.
 * Results recorded before an optional instant (an earlier build) are counted as stale and left out.
 */
public final class ResultCollector {

    /** The fields without which a result cannot be shown. */
    static final List<String> REQUIRED_FIELDS = List.of("schemaVersion", "kind", "mode", "seed", "tolerances",
            "outputShape", "inputs", "directions", "findings", "notes", "statistics", "verdict");

    /** The fields without which a property run cannot be shown. */
    static final List<String> PROPERTY_RUN_FIELDS = List.of("testClass", "property", "status", "tries", "checks");

    /** The prefix of the temporary files {@code ResultRecorder} moves into place. */
    static final String TEMPORARY_PREFIX = AtomicFiles.TEMPORARY_PREFIX;

    private final Instant since;

    private ResultCollector(Instant since) {
        this.since = since;
    }

    /** A collector that takes every result. */
    public static ResultCollector all() {
        return new ResultCollector(null);
    }

    /** A collector that leaves out results recorded before {@code instant} (null: none). */
    public static ResultCollector since(Instant instant) {
        return new ResultCollector(instant);
    }

    /** Reads every file of the folders, and of their run folders one level down. */
    public CollectedResults collect(List<ResultsDirectory> directories) {
        Sink sink = new Sink();
        for (ResultsDirectory directory : directories) {
            for (Path file : files(directory, sink.unreadable)) {
                read(directory.module(), file, sink);
            }
        }
        return new CollectedResults(directories, sink.checks, sink.properties, sink.unreadable, sink.stale, since);
    }

    /** What the files gave. */
    private static final class Sink {
        final List<LoadedCheck> checks = new ArrayList<>();
        final List<LoadedPropertyRun> properties = new ArrayList<>();
        final List<UnreadableFile> unreadable = new ArrayList<>();
        int stale;
    }

    private static List<Path> files(ResultsDirectory directory, List<UnreadableFile> unreadable) {
        if (!Files.isDirectory(directory.directory())) {
            return List.of();
        }
        try (Stream<Path> listing = Files.walk(directory.directory(), 2)) {
            return listing.filter(Files::isRegularFile)
                    .filter(p -> isResult(p) || isTemporary(p))
                    .filter(p -> !p.getParent().getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing((Path p) -> p.getParent().toString())
                            .thenComparing(p -> p.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            unreadable.add(new UnreadableFile(directory.module(), directory.directory(), 0,
                    "the folder could not be listed: " + e.getMessage()));
            return List.of();
        }
    }

    private static boolean isResult(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".json") && !name.startsWith(".");
    }

    private static boolean isTemporary(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(TEMPORARY_PREFIX) && name.endsWith(".tmp");
    }

    /**
     * Reads one file into the sink: a check or a property run taken, a stale one counted, or an
     * unreadable file with its problem (counted as stale instead when the file is older than
     * {@code since}).
     */
    private void read(String module, Path file, Sink sink) {
        String problem;
        if (isTemporary(file)) {
            problem = "partial: a temporary file left by an interrupted write";
        } else {
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                if (text.isBlank()) {
                    problem = "empty file";
                } else {
                    JsonNode tree = ResultJson.mapper().readTree(text);
                    problem = PropertyRunJson.isPropertyRun(tree) ? takePropertyRun(module, file, tree, sink)
                            : takeCheck(module, file, tree, sink);
                }
            } catch (JsonProcessingException e) {
                problem = endsEarly(e) ? "partial: the JSON ends early"
                        + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")")
                        : "not a readable gradcheck result: " + e.getOriginalMessage();
            } catch (IOException | RuntimeException e) {
                problem = "could not be read: " + e;
            }
        }
        if (problem == null) {
            return;
        }
        if (recordedBefore(modified(file))) {
            sink.stale++;
        } else {
            sink.unreadable.add(new UnreadableFile(module, file, size(file), problem));
        }
    }

    /** Takes a result (or counts it as stale); what makes it unusable, or null. */
    private String takeCheck(String module, Path file, JsonNode tree, Sink sink) throws JsonProcessingException {
        String problem = problemOf(tree);
        if (problem != null) {
            return problem;
        }
        GradCheckResult result = ResultJson.mapper().treeToValue(tree, GradCheckResult.class);
        if (recordedBefore(recordedAt(result, file))) {
            sink.stale++;
            return null;
        }
        problem = inconsistency(result);
        if (problem == null) {
            sink.checks.add(new LoadedCheck(module, file, result));
        }
        return problem;
    }

    /** Takes a property run (or counts it as stale); what makes it unusable, or null. */
    private String takePropertyRun(String module, Path file, JsonNode tree, Sink sink) {
        String problem = propertyRunProblemOf(tree);
        if (problem != null) {
            return problem;
        }
        PropertyRun run = PropertyRunJson.read(tree);
        if (recordedBefore(instant(run.timestamp(), file))) {
            sink.stale++;
        } else {
            sink.properties.add(new LoadedPropertyRun(module, file, run));
        }
        return null;
    }

    /** What makes a property run's JSON unusable, or null. */
    static String propertyRunProblemOf(JsonNode tree) {
        JsonNode schema = tree.get("schemaVersion");
        if (schema != null && schema.isInt() && schema.intValue() > PropertyRun.SCHEMA_VERSION) {
            return "written with property-run schema " + schema.intValue() + "; this report reads schema "
                    + PropertyRun.SCHEMA_VERSION + " (a newer gradproof wrote it)";
        }
        List<String> missing = PROPERTY_RUN_FIELDS.stream()
                .filter(f -> tree.get(f) == null || tree.get(f).isNull()).toList();
        return missing.isEmpty() ? null : "partial property run: missing " + String.join(", ", missing);
    }

    private static boolean endsEarly(JsonProcessingException e) {
        return e instanceof JsonEOFException || String.valueOf(e.getOriginalMessage()).startsWith("Unexpected end-of-input");
    }

    /** What makes a JSON tree unusable as a result, or null when it looks like one. */
    static String problemOf(JsonNode tree) {
        if (!tree.isObject()) {
            return "not a gradcheck result: the JSON is " + tree.getNodeType().toString().toLowerCase() + ", not an object";
        }
        JsonNode schema = tree.get("schemaVersion");
        if (schema != null && schema.isInt() && schema.intValue() > GradCheckResult.SCHEMA_VERSION) {
            return "written with result schema " + schema.intValue() + "; this report reads schema "
                    + GradCheckResult.SCHEMA_VERSION + " (a newer gradcheck wrote it)";
        }
        List<String> missing = REQUIRED_FIELDS.stream().filter(f -> tree.get(f) == null || tree.get(f).isNull())
                .toList();
        if (missing.size() == REQUIRED_FIELDS.size()) {
            return "not a gradcheck result: none of its fields (" + String.join(", ", REQUIRED_FIELDS) + ")";
        }
        if (!missing.isEmpty()) {
            return "partial: missing " + String.join(", ", missing);
        }
        return null;
    }

    /** Where the per-element data of a result disagrees with its shapes, or null. */
    static String inconsistency(GradCheckResult result) {
        for (InputResult input : result.inputs()) {
            String where = "input " + input.index() + " \"" + input.name() + "\" " + input.shape();
            if (input.shape().stream().anyMatch(d -> d == null || d < 0)) {
                return "inconsistent: " + where + " has a negative or missing dimension";
            }
            long size = input.shape().stream().mapToLong(Integer::longValue).reduce(1, (a, b) -> a * b);
            if (size != input.elements()) {
                return "inconsistent: " + where + " has " + size + " elements by its shape but says " + input.elements();
            }
            if (input.relativeErrors().size() != input.elements()) {
                return "inconsistent: " + where + " has " + input.relativeErrors().size() + " relative errors for "
                        + input.elements() + " elements";
            }
            if (input.verdicts() == null || input.verdicts().length() != input.elements()) {
                return "inconsistent: " + where + " has " + (input.verdicts() == null ? 0 : input.verdicts().length())
                        + " verdicts for " + input.elements() + " elements";
            }
            for (int i = 0; i < input.verdicts().length(); i++) {
                if ("PFK.".indexOf(input.verdicts().charAt(i)) < 0) {
                    return "inconsistent: " + where + " has an unknown verdict '" + input.verdicts().charAt(i)
                            + "' at element " + i;
                }
            }
            for (ElementRecord r : input.records()) {
                if (r.verdict() == null || r.flatIndex() < 0 || r.flatIndex() >= input.elements()) {
                    return "inconsistent: " + where + " has a record at element " + r.flatIndex()
                            + (r.verdict() == null ? " without a verdict" : ", outside the input");
                }
            }
        }
        for (ElementRecord r : result.directions()) {
            if (r.verdict() == null) {
                return "inconsistent: direction " + (r.flatIndex() + 1) + " has no verdict";
            }
        }
        return null;
    }

    private boolean recordedBefore(Instant instant) {
        return since != null && instant != null && instant.isBefore(since);
    }

    private static Instant recordedAt(GradCheckResult result, Path file) {
        return instant(result.run() == null ? null : result.run().timestamp(), file);
    }

    /** An ISO-8601 timestamp, or the file's modification time when there is none. */
    private static Instant instant(String timestamp, Path file) {
        if (timestamp != null) {
            try {
                return Instant.parse(timestamp);
            } catch (DateTimeParseException e) {
                return modified(file);
            }
        }
        return modified(file);
    }

    private static Instant modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return null;
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
