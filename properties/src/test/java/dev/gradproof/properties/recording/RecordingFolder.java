package dev.gradproof.properties.recording;

import dev.gradproof.gradcheck.recording.ResultRecorder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Property runs recorded into a folder of a test's own, with recording switched on whatever the
 * build says; {@link #close()} restores both system properties. For tests of what is recorded.
 */
public final class RecordingFolder implements AutoCloseable {

    private final Path folder;
    private final String previousDirectory;
    private final String previousRecord;

    /** Records into {@code folder} from now until {@link #close()}. */
    public RecordingFolder(Path folder) {
        this.folder = folder;
        previousDirectory = System.setProperty(ResultRecorder.DIRECTORY_PROPERTY, folder.toString());
        previousRecord = System.clearProperty(ResultRecorder.RECORD_PROPERTY);
    }

    /** The property runs recorded so far in this build's run folder; empty when none. */
    public List<PropertyRun> propertyRuns() throws IOException {
        Path run = folder.resolve(ResultRecorder.run());
        if (!Files.isDirectory(run)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(run)) {
            // property runs only: gradcheck's results share the folder
            return files.filter(p -> p.getFileName().toString().startsWith("property.")
                    && p.toString().endsWith(".json")).map(p -> {
                try {
                    return PropertyRunJson.read(Files.readString(p));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        }
    }

    @Override
    public void close() {
        restore(ResultRecorder.DIRECTORY_PROPERTY, previousDirectory);
        restore(ResultRecorder.RECORD_PROPERTY, previousRecord);
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
