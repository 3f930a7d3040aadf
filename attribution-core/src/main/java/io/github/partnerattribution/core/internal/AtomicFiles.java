package io.github.partnerattribution.core.internal;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

/** Replaces a file's content all at once: a temp file in the same folder, then a move over the target. Not API. */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /**
     * Writes {@code content} to {@code target} atomically: readers see the old bytes or the new, never a part.
     * On any failure the target is untouched, the temp file is removed, and the exception names the target.
     */
    public static void write(Path target, byte[] content) throws IOException {
        write(target, null, content);
    }

    /**
     * Like {@link #write(Path, byte[])}, but only if the target still holds {@code expected} (null: whatever it
     * holds, or nothing): an edit computed from bytes that someone replaced meanwhile is not written over theirs.
     */
    public static void write(Path target, byte[] expected, byte[] content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        Path temp;
        try {
            temp = Files.createTempFile(folder, "." + absolute.getFileName() + ".", ".tmp");
        } catch (IOException e) {
            throw new IOException("cannot write " + target + ": " + describe(e), e);
        }
        try {
            Files.write(temp, content);
            if (expected != null && !Arrays.equals(expected, readOrNull(absolute))) {
                throw new IOException("cannot write " + target + ": it changed on disk while being edited; nothing"
                        + " was written, run the edit again");
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw e.getMessage() != null && e.getMessage().startsWith("cannot write ") ? e
                    : new IOException("cannot write " + target + ": " + describe(e), e);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static byte[] readOrNull(Path file) throws IOException {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private static String describe(IOException e) {
        String reason = e instanceof java.nio.file.FileSystemException
                ? ((java.nio.file.FileSystemException) e).getReason() : e.getMessage();
        return reason == null ? e.getClass().getSimpleName() : reason;
    }
}
