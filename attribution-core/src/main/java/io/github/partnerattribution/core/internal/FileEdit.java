package io.github.partnerattribution.core.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * How the tools change a file they are given (a template, a registry), in one place. Not API.
 *
 * <ul>
 *   <li>Only regular files: a directory, FIFO, device or socket is refused before anything is read.</li>
 *   <li>A symbolic link is followed: the file it points to is edited and the link stays a link.</li>
 *   <li>Concurrent edits of one file, by threads or processes that use this class, run one after the other: each
 *       takes an exclusive lock (on a lock file of that target's own in the system's temp folder) and reads the
 *       file under it, so an edit is computed from what the previous one wrote, and an edit whose result is
 *       already on disk changes nothing and succeeds.</li>
 *   <li>The new content goes to a temp file beside the target, gets the target's mode, owner and group, and is
 *       moved over it atomically; on any failure the target is untouched and the temp file is gone. When the owner
 *       cannot be kept (another user's file, edited without the right to give it back), nothing is written.</li>
 *   <li>A read-only file (no owner write permission) is refused unless {@code force}; forced, its mode is kept.</li>
 *   <li>Hard links: the atomic move gives the path a new file, so other hard links to the old one keep the old
 *       content.</li>
 * </ul>
 */
public final class FileEdit {
    /** The new content for the current one (never null; empty for a file just created); null to leave it as it is. */
    public interface Change {
        byte[] apply(byte[] current) throws IOException;
    }


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
     * @param create create the file when it does not exist ({@code change} then sees it empty)
     * @param change computes the new content from what is on disk under the lock
     * @return what was on disk before, and null when nothing was written, else the new bytes: {@code [before,
     *     written]}
     */
    public static byte[][] edit(Path path, boolean force, boolean create, Change change) throws IOException {
        boolean created = false;
        if (create && !Files.exists(path)) {
            // Create it empty first, so that every writer, the first included, locks an existing file and checks
            // under the lock that it is still the one the path names.
            Path target = newFileTarget(path);
            try {
                Files.createFile(target);
                created = true;
            } catch (java.nio.file.FileAlreadyExistsException anotherWriterWasFirst) {
                // fine: edit what it created
            }
        }
        Path target = regularFile(path);
        int stripe = stripe(target);
        ReentrantLock inThisJvm = IN_THIS_JVM[stripe];
        inThisJvm.lock();
        try {
            return editLocked(path, target, stripe, force, change);
        } catch (IOException | RuntimeException e) {
            if (created && Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS) && Files.size(target) == 0) {
                Files.deleteIfExists(target); // nothing half-made is left behind
            }
            throw e;
        } finally {
            inThisJvm.unlock();
        }
    }

    /** File locks are per process: threads of this JVM that edit one file queue here first. */
    private static final int STRIPES = 256;
    private static final ReentrantLock[] IN_THIS_JVM = new ReentrantLock[STRIPES];

    static {
        for (int i = 0; i < IN_THIS_JVM.length; i++) {
            IN_THIS_JVM[i] = new ReentrantLock();
        }
    }

    private static byte[][] editLocked(Path path, Path target, int stripe, boolean force, Change change)
            throws IOException {
        try (FileChannel lockFile = lockFile(path, stripe);
             FileLock lock = lockFile.lock()) {
            requireWritable(path, target, force);
            byte[] before = Files.readAllBytes(target);
            byte[] after = change.apply(before);
            if (after == null || Arrays.equals(before, after)) {
                return new byte[][] {before, null};
            }
            replace(path, target, before, after);
            return new byte[][] {before, after};
        }
    }

    /**
     * The lock for edits of a file: one of {@value #STRIPES} lock files under the system's temp folder, chosen by a
     * hash of the target's real path (two files that share one merely wait for each other). A lock file is never
     * replaced, so every writer of a target locks the same file; the target itself cannot serve, as each edit
     * replaces it with a new file (whose inode number may even be an old one's). Nothing is added to the user's
     * folder, and the temp folder holds at most {@value #STRIPES} such files.
     */
    private static FileChannel lockFile(Path path, int stripe) throws IOException {
        Path folder = Paths.get(System.getProperty("java.io.tmpdir"), "partner-attribution-locks");
        try {
            if (!Files.isDirectory(folder)) {
                Files.createDirectories(folder);
                PosixFileAttributeView view = Files.getFileAttributeView(folder, PosixFileAttributeView.class);
                if (view != null) {
                    view.setPermissions(PosixFilePermissions.fromString("rwxrwxrwx")); // shared, like /tmp
                }
            }
            Path lock = folder.resolve(String.format("edit-%02x.lock", stripe));
            FileChannel channel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            PosixFileAttributeView view = Files.getFileAttributeView(lock, PosixFileAttributeView.class);
            if (view != null) {
                try {
                    view.setPermissions(PosixFilePermissions.fromString("rw-rw-rw-"));
                } catch (IOException notOurs) {
                    // another user's lock file: it stays as it is
                }
            }
            return channel;
        } catch (IOException e) {
            throw new IOException("cannot edit " + path + ": the edit lock in " + folder + " cannot be taken ("
                    + reason(e) + "); nothing was changed", e);
        }
    }

    /** Which of the lock stripes a target's edits take: a hash of its real path. */
    private static int stripe(Path target) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(target.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return digest[0] & 0xff;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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

    private static void replace(Path path, Path target, byte[] expected, byte[] content) throws IOException {
        Path temp;
        try {
            temp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".tmp");
        } catch (IOException e) {
            throw new IOException("cannot write " + path + ": " + reason(e) + "; nothing was changed", e);
        }
        try {
            Files.write(temp, content);
            keepIdentity(path, target, temp);
            if (!Arrays.equals(expected, Files.readAllBytes(target))) {
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

    /** Gives the temp file the target's mode, owner and group. */
    private static void keepIdentity(Path path, Path target, Path temp) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(temp, PosixFileAttributeView.class);
        if (view == null) {
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
