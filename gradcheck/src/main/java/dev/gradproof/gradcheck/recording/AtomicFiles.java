package dev.gradproof.gradcheck.recording;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes a file so that a reader sees either the old file or the whole new one, never half of it:
 * the text goes to a temporary file in the same folder (named {@value #TEMPORARY_PREFIX}..., created
 * with the usual permissions, unlike {@code Files.createTempFile}, and deleted if the write fails),
 * which is then moved over the target. One writer for every file gradproof writes: recorded
 * results, property runs and the report.
 */
public final class AtomicFiles {

    /** How a temporary file begins; one left behind by an interrupted write is recognised by it. */
    public static final String TEMPORARY_PREFIX = ".writing-";

    private static final AtomicLong COUNTER = new AtomicLong();

    private AtomicFiles() {
    }

    /**
     * Writes {@code text} as UTF-8 to {@code target}, creating its folder.
     *
     * @throws UncheckedIOException naming the file when it cannot be written
     */
    public static Path write(Path target, String text) {
        Path folder = target.toAbsolutePath().getParent();
        Path temp = null;
        try {
            Files.createDirectories(folder);
            temp = folder.resolve(TEMPORARY_PREFIX + target.getFileName() + "." + ProcessHandle.current().pid() + "-"
                    + COUNTER.incrementAndGet() + ".tmp");
            Files.writeString(temp, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new UncheckedIOException("could not write " + target + ": " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path temp) {
        if (temp != null) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // the write failed already; that failure is what is reported
            }
        }
    }
}
