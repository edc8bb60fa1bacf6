package dev.gradproof.gradcheck.model;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The JSON form of a {@link GradCheckResult} (Jackson). Non-finite numbers are written as the
 * strings {@code "NaN"}, {@code "Infinity"} and {@code "-Infinity"} and read back as such; unknown
 * fields are ignored when reading, so a reader keeps working when a later schema adds one
 * ({@link GradCheckResult#schemaVersion()} tells the layout).
 */
public final class ResultJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ResultJson() {
    }

    /** The shared, thread-safe mapper, for readers that need more than this class offers. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The result as JSON text. */
    public static String write(GradCheckResult result) {
        try {
            return MAPPER.writeValueAsString(result);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write gradcheck result \"" + result.label() + "\" as JSON", e);
        }
    }

    /** A result from JSON text. */
    public static GradCheckResult read(String json) {
        try {
            return MAPPER.readValue(json, GradCheckResult.class);
        } catch (IOException e) {
            throw new UncheckedIOException("not a gradcheck result: " + e.getMessage(), e);
        }
    }

    /** A result from a JSON file. */
    public static GradCheckResult read(Path file) {
        try {
            return MAPPER.readValue(Files.readString(file), GradCheckResult.class);
        } catch (IOException e) {
            throw new UncheckedIOException("not a readable gradcheck result: " + file + ": " + e.getMessage(), e);
        }
    }
}
