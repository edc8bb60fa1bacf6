package dev.gradproof.properties.recording;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gradproof.gradcheck.model.ResultJson;

import java.io.IOException;
import java.io.UncheckedIOException;

/** The JSON form of a {@link PropertyRun}, with gradcheck's mapper (unknown fields ignored). */
public final class PropertyRunJson {

    private PropertyRunJson() {
    }

    /** The run as JSON text. */
    public static String write(PropertyRun run) {
        try {
            return ResultJson.mapper().writeValueAsString(run);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write property run " + run.label() + " as JSON", e);
        }
    }

    /** True when a JSON object is a property run (its {@code format} field says so). */
    public static boolean isPropertyRun(JsonNode tree) {
        return tree.isObject() && PropertyRun.FORMAT.equals(tree.path("format").asText(null));
    }

    /** A run from its JSON tree. */
    public static PropertyRun read(JsonNode tree) {
        try {
            return ResultJson.mapper().treeToValue(tree, PropertyRun.class);
        } catch (IOException e) {
            throw new UncheckedIOException("not a property run: " + e.getMessage(), e);
        }
    }

    /** A run from JSON text. */
    public static PropertyRun read(String json) {
        try {
            return read(ResultJson.mapper().readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException("not a property run: " + e.getMessage(), e);
        }
    }
}
