package io.github.partnerattribution.core.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * How the tools change a file they are given (a template, a registry), in one place. Not API.
 *
 * <ul>
 *   <li>Only regular files: a directory, FIFO, device or socket is refused before anything is read.</li>
 *   <li>A symbolic link is followed: the file it points to is edited and the link stays a link.</li>
 *   <li>Concurrent edits of one file, by threads or processes that use this class, run one after the other: each
 *       takes an exclusive lock on the file and reads it under that lock, so an edit is computed from what the
 *       previous one wrote, and an edit whose result is already on disk changes nothing and succeeds.</li>
 *   <li>The new content goes to a temp file beside the target, gets the target's mode, owner and group, and is
 *       moved over it atomically; on any failure the target is untouched and the temp file is gone. When the owner
 *       cannot be kept (another user's file, edited without the right to give it back), nothing is written.</li>
 *   <li>A read-only file (no owner write permission) is refused unless {@code force}; forced, its mode is kept.</li>
 *   <li>Hard links: the atomic move gives the path a new file, so other hard links to the old one keep the old
 *       content.</li>
 * </ul>
 */
public final class FileEdit {
    /** The new content for the current one; null (or the same bytes) to leave the file as it is. */
    public interface Change {
        byte[] apply(byte[] current) throws IOException;
    }

    private static final Set<PosixFilePermission> NEW_FILE_MODE = PosixFilePermissions.fromString("rw-r--r--");
    private static final int LOCK_ATTEMPTS = 1_000;

    private FileEdit() {
    }

    /**
     * Reads a file that must be a regular file (through symbolic links), refusing anything else before opening it,
     * so a FIFO never blocks the caller.
     */
    public static byte[] read(Path path) throws IOException {
        return Files.readAllBytes(regularFile(path));
    }

    /**
     * Edits {@code path} as the class comment says.
     *
     * @param path the file, or a symbolic link to it
     * @param force edit a read-only file too
     * @param create create the file when it does not exist ({@code change} then sees null)
     * @param change computes the new content from what is on disk under the lock
     * @return what was on disk before (null when created), and null when nothing was written, else the new bytes:
     *     {@code [before, written]}
     */
    public static byte[][] edit(Path path, boolean force, boolean create, Change change) throws IOException {
        Path target = create && !Files.exists(path) ? newFileTarget(path) : regularFile(path);
        ReentrantLock inThisJvm = IN_THIS_JVM[(target.toString().hashCode() & 0x7fffffff) % IN_THIS_JVM.length];
        inThisJvm.lock();
        try {
            return editLocked(path, target, force, change);
        } finally {
            inThisJvm.unlock();
        }
    }

    /** File locks are per process: threads of this JVM that edit one file queue here first. */
    private static final ReentrantLock[] IN_THIS_JVM = new ReentrantLock[64];

    static {
        for (int i = 0; i < IN_THIS_JVM.length; i++) {
            IN_THIS_JVM[i] = new ReentrantLock();
        }
    }

    private static byte[][] editLocked(Path path, Path target, boolean force, Change change) throws IOException {
        for (int attempt = 0; attempt < LOCK_ATTEMPTS; attempt++) {
            boolean creating = !Files.exists(target, LinkOption.NOFOLLOW_LINKS);
            if (!creating) {
                requireWritable(path, target, force);
            }
            Object keyBefore = creating ? null : key(target);
            try (FileChannel channel = open(path, target, creating);
                 FileLock lock = channel.lock()) {
                Object keyNow = key(target);
                if (keyBefore != null && !keyBefore.equals(keyNow)) {
                    continue; // replaced by another writer while we waited: lock the new file instead
                }
                // Read through the locked channel: POSIX drops a process's lock when it closes any other descriptor
                // of the file, so opening the file again here would unlock it.
                byte[] before = creating ? null : readAll(channel);
                byte[] after = change.apply(before);
                if (after == null || Arrays.equals(before, after)) {
                    if (creating) {
                        Files.deleteIfExists(target);
                    }
                    return new byte[][] {before, null};
                }
                replace(path, target, channel, creating ? null : before, after);
                return new byte[][] {before, after};
            } catch (IOException | RuntimeException e) {
                if (creating && Files.exists(target, LinkOption.NOFOLLOW_LINKS) && Files.size(target) == 0) {
                    Files.deleteIfExists(target);
                }
                throw e;
            }
        }
        throw new IOException("cannot edit " + path + ": other writers kept replacing it; nothing was changed");
    }

    private static Path regularFile(Path path) throws IOException {
        if (!Files.exists(path)) {
            throw new NoSuchFileException(path.toString());
        }
        Path target = path.toRealPath();
        if (Files.isDirectory(target)) {
            throw new IOException(path + " is a directory, not a file; nothing was read or changed");
        }
        if (!Files.isRegularFile(target)) {
            throw new IOException(path + " is not a regular file (a FIFO, device or socket); nothing was read or"
                    + " changed");
        }
        return target;
    }

    private static Path newFileTarget(Path path) throws IOException {
        Path target = Files.isSymbolicLink(path) ? path.resolveSibling(Files.readSymbolicLink(path)) : path;
        Path folder = target.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new NoSuchFileException(path.toString(), null, "its folder does not exist");
        }
        return folder.toRealPath().resolve(target.getFileName());
    }

    private static void requireWritable(Path path, Path target, boolean force) throws IOException {
        PosixFileAttributeView posix = Files.getFileAttributeView(target, PosixFileAttributeView.class);
        boolean readOnly = posix != null
                ? !posix.readAttributes().permissions().contains(PosixFilePermission.OWNER_WRITE)
                : !Files.isWritable(target);
        if (readOnly && !force) {
            String mode = posix == null ? "" : " (mode " + PosixFilePermissions.toString(posix.readAttributes().permissions()) + ")";
            throw new IOException(path + " is read-only" + mode + "; nothing was changed. Pass --force to edit it"
                    + " anyway (its mode is kept).");
        }
    }

    private static FileChannel open(Path path, Path target, boolean creating) throws IOException {
        try {
            return creating
                    ? FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)
                    : FileChannel.open(target, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (FileSystemException e) {
            throw new IOException("cannot edit " + path + ": " + reason(e) + "; nothing was changed", e);
        }
    }

    private static Object key(Path target) throws IOException {
        Object key = Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
        return key == null ? target : key;
    }

    private static byte[] readAll(FileChannel channel) throws IOException {
        long size = channel.size();
        if (size > Integer.MAX_VALUE - 16) {
            throw new IOException("file too large to edit: " + size + " bytes");
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) size);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, buffer.position()) < 0) {
                break;
            }
        }
        return buffer.position() == buffer.capacity() ? buffer.array() : Arrays.copyOf(buffer.array(), buffer.position());
    }

    private static void replace(Path path, Path target, FileChannel locked, byte[] expected, byte[] content)
            throws IOException {
        Path temp;
        try {
            temp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".tmp");
        } catch (IOException e) {
            throw new IOException("cannot write " + path + ": " + reason(e) + "; nothing was changed", e);
        }
        try {
            Files.write(temp, content);
            keepIdentity(path, target, temp, expected != null);
            byte[] now = expected == null ? null : readAll(locked);
            if (expected != null && !Arrays.equals(expected, now)) {
                throw new IOException("cannot write " + path + ": it changed on disk while being edited, by a writer"
                        + " that does not lock it; nothing was written, run the edit again");
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw e.getMessage() != null && e.getMessage().startsWith("cannot ") ? e
                    : new IOException("cannot write " + path + ": " + reason(e) + "; nothing was changed", e);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Gives the temp file the target's mode, owner and group (a new file: rw-r--r--, ours). */
    private static void keepIdentity(Path path, Path target, Path temp, boolean exists) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(temp, PosixFileAttributeView.class);
        if (view == null) {
            return;
        }
        if (!exists) {
            view.setPermissions(NEW_FILE_MODE);
            return;
        }
        PosixFileAttributes original = Files.readAttributes(target, PosixFileAttributes.class);
        PosixFileAttributes made = view.readAttributes();
        UserPrincipal owner = original.owner();
        GroupPrincipal group = original.group();
        try {
            if (!Objects.equals(owner, made.owner())) {
                view.setOwner(owner);
            }
            if (!Objects.equals(group, made.group())) {
                view.setGroup(group);
            }
        } catch (IOException e) {
            throw new IOException("cannot write " + path + ": its owner " + owner.getName() + ":" + group.getName()
                    + " could not be kept (" + reason(e) + "); nothing was changed", e);
        }
        view.setPermissions(original.permissions());
    }

    private static String reason(IOException e) {
        String reason = e instanceof FileSystemException ? ((FileSystemException) e).getReason() : e.getMessage();
        return reason == null ? e.getClass().getSimpleName() : reason;
    }
}
