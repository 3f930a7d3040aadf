package io.github.partnerattribution.core.support;

import java.io.IOException;
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
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * How the tools change a file they are given (a template, a registry), in one place. Not API.
 *
 * <ul>
 *   <li>Only regular files: a directory, FIFO, device or socket is refused before anything is read.</li>
 *   <li>A symbolic link is followed: the file it points to is edited and the link stays a link.</li>
 *   <li>Concurrent edits of one file, by threads or processes that use this class, run one after the other: each
 *       takes an exclusive lock on the target itself (see {@code lock}; nothing in a shared folder such as the
 *       system's temp folder, which other local users could plant) and reads the file under it, so an edit is
 *       computed from what the previous one wrote, and an edit whose result is already on disk changes nothing
 *       and succeeds. The wait for another writer is bounded ({@link #DEFAULT_WAIT}), then the edit fails naming
 *       the file.</li>
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


    /** A file larger than the caller accepts: refused from its size, before its content is read. */
    public static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;
        /** The file's size, in bytes. */
        public final long size;
        /** The most the caller accepts. */
        public final long limit;

        public TooLarge(Path path, long size, long limit) {
            super(path + " is " + size + " bytes, over the " + limit + " this accepts; nothing was read or changed");
            this.size = size;
            this.limit = limit;
        }
    }

    /** No bound on a file's size but the largest array. */
    private static final long UNBOUNDED = Long.MAX_VALUE;

    private FileEdit() {
    }

    /**
     * Reads a file that must be a regular file (through symbolic links), refusing anything else before opening it,
     * so a FIFO never blocks the caller.
     */
    public static byte[] read(Path path) throws IOException {
        return read(path, UNBOUNDED);
    }

    /**
     * Reads a regular file as {@link #read(Path)} does, refusing it ({@link TooLarge}) when it holds more than
     * {@code maxBytes}: told by its size before it is read, and by what it gives when it grows while being read.
     */
    public static byte[] read(Path path, long maxBytes) throws IOException {
        // one stat, through links, rather than resolving the real path: a scan reads thousands of files
        BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
        regular(path, attributes);
        if (attributes.size() > maxBytes) {
            throw new TooLarge(path, attributes.size(), maxBytes);
        }
        if (maxBytes == UNBOUNDED) {
            return Files.readAllBytes(path);
        }
        try (java.io.InputStream in = Files.newInputStream(path)) {
            return bounded(path, in, attributes.size(), maxBytes);
        }
    }

    /**
     * What a stream holds, refused once it passes {@code maxBytes}: read into an array of the size the file had when
     * it was looked at (one copy, as {@code Files.readAllBytes} makes), grown only if the file grew since.
     */
    private static byte[] bounded(Path path, java.io.InputStream in, long expected, long maxBytes) throws IOException {
        byte[] out = new byte[(int) Math.min(expected, maxBytes)];
        int n = 0;
        while (true) {
            if (n == out.length) {
                int next = in.read();
                if (next < 0) {
                    return out;
                }
                if (n >= maxBytes) {
                    throw new TooLarge(path, n + 1L, maxBytes);
                }
                out = Arrays.copyOf(out, (int) Math.min(maxBytes, Math.max(8192L, 2L * out.length)));
                out[n++] = (byte) next;
                continue;
            }
            int read = in.read(out, n, out.length - n);
            if (read < 0) {
                return n == out.length ? out : Arrays.copyOf(out, n);
            }
            n += read;
        }
    }

    /** How long an edit waits for another process's edit of the same file before it gives up, unless told. */
    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(30);

    /**
     * Edits {@code path} as the class comment says, waiting at most {@link #DEFAULT_WAIT} for another writer.
     *
     * @param path the file, or a symbolic link to it
     * @param force edit a read-only file too
     * @param create create the file when it does not exist ({@code change} then sees it empty)
     * @param change computes the new content from what is on disk under the lock
     * @return what was on disk before, and null when nothing was written, else the new bytes: {@code [before,
     *     written]}
     */
    public static byte[][] edit(Path path, boolean force, boolean create, Change change) throws IOException {
        return edit(path, force, create, change, DEFAULT_WAIT);
    }

    /**
     * Edits {@code path}, waiting at most {@code wait} for another writer of it to finish.
     *
     * @param wait how long to wait for the lock before failing with a message that names the file
     * @return as {@link #edit(Path, boolean, boolean, Change)}
     */
    public static byte[][] edit(Path path, boolean force, boolean create, Change change, Duration wait)
            throws IOException {
        return edit(path, force, create, UNBOUNDED, change, wait);
    }

    /**
     * Edits {@code path} as {@link #edit(Path, boolean, boolean, Change)} does, refusing it ({@link TooLarge}, nothing
     * changed) when it holds more than {@code maxBytes}: told by its size under the lock, before it is read.
     */
    public static byte[][] edit(Path path, boolean force, boolean create, long maxBytes, Change change)
            throws IOException {
        return edit(path, force, create, maxBytes, change, DEFAULT_WAIT);
    }

    private static byte[][] edit(Path path, boolean force, boolean create, long maxBytes, Change change,
            Duration wait) throws IOException {
        long deadline = System.nanoTime() + wait.toNanos();
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
        ReentrantLock inThisJvm = IN_THIS_JVM[stripe(target)];
        try {
            if (!inThisJvm.tryLock(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                throw busy(path, wait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw interrupted(path);
        }
        try {
            return editLocked(path, target, force, maxBytes, change, wait, deadline);
        } catch (IOException | RuntimeException e) {
            if (created && Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS) && Files.size(target) == 0) {
                Files.deleteIfExists(target); // nothing half-made is left behind
            }
            throw e;
        } finally {
            inThisJvm.unlock();
        }
    }

    /**
     * File locks are per process: threads of this JVM that edit one file queue here first (a hash of the real path
     * picks the stripe; two files that share one merely wait for each other).
     */
    private static final int STRIPES = 256;
    private static final ReentrantLock[] IN_THIS_JVM = new ReentrantLock[STRIPES];

    static {
        for (int i = 0; i < IN_THIS_JVM.length; i++) {
            IN_THIS_JVM[i] = new ReentrantLock();
        }
    }

    private static byte[][] editLocked(Path path, Path target, boolean force, long maxBytes, Change change,
            Duration wait, long deadline) throws IOException {
        requireWritable(path, target, force);
        try (Locked locked = lock(path, target, wait, deadline)) {
            requireWritable(path, target, force);
            byte[] before = locked.read(path, target, maxBytes);
            byte[] after = change.apply(before);
            if (after == null || Arrays.equals(before, after)) {
                return new byte[][] {before, null};
            }
            replace(path, target, before, after, locked);
            return new byte[][] {before, after};
        }
    }

    /**
     * An exclusive lock that every writer of {@code target} takes, held on something only writers of the target can
     * touch, never in a shared folder such as the system's temp folder:
     *
     * <ul>
     *   <li>a writable target is locked itself, opened without following links and without creating anything. An
     *       edit replaces the file with a new one, so a writer that was waiting checks, once it holds the lock, that
     *       the path still names the file it locked, and otherwise locks the new one;</li>
     *   <li>a read-only target (edited with {@code force}) cannot be opened for writing, so its lock is a file
     *       beside it ({@link #lockBeside}): created with the user's umask, opened without following a link,
     *       refused unless it is a regular file, removed by its holder at the end and harmless if left behind
     *       (a crash). A writer that waited on a lock file its holder then removed finds out by writing a nonce
     *       into the file it locked and reading it back through the path, and starts again.</li>
     * </ul>
     *
     * Nothing about the lock widens a permission or writes outside the target's folder.
     */
    private static Locked lock(Path path, Path target, Duration wait, long deadline) throws IOException {
        boolean beside = readOnly(target);
        while (true) {
            BasicFileAttributes identity = Files.readAttributes(target, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (!identity.isRegularFile()) {
                throw new IOException(path + " is not a regular file any more; nothing was changed");
            }
            Path lockPath = beside ? lockBeside(target) : target;
            if (beside && Files.exists(lockPath, LinkOption.NOFOLLOW_LINKS)
                    && !Files.isRegularFile(lockPath, LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException("cannot edit " + path + ": its lock " + lockPath + " is not a regular file;"
                        + " nothing was changed");
            }
            FileChannel channel;
            try {
                channel = beside
                        ? FileChannel.open(lockPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                                LinkOption.NOFOLLOW_LINKS)
                        : FileChannel.open(lockPath, StandardOpenOption.READ, StandardOpenOption.WRITE,
                                LinkOption.NOFOLLOW_LINKS);
            } catch (IOException e) {
                throw new IOException("cannot edit " + path + ": its lock " + lockPath + " cannot be opened ("
                        + (Files.isSymbolicLink(lockPath) ? "it is not a regular file but a symbolic link"
                        : reason(e)) + "); nothing was changed", e);
            }
            try {
                FileLock lock = waitFor(channel, path, wait, deadline);
                if (beside ? namesTheLockedFile(lockPath, channel) : identity.fileKey() == null
                        || sameFile(identity, Files.readAttributes(target, BasicFileAttributes.class,
                                LinkOption.NOFOLLOW_LINKS))) {
                    return new Locked(channel, beside ? lockPath : null);
                }
                // the writer before us replaced the file (or removed its lock file) while we waited: lock again
                lock.release();
                channel.close();
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        }
    }

    /**
     * Whether the lock file's path still names the file this writer locked: only a holder writes into it, so the
     * nonce written through the locked channel reads back through the path exactly when both are one file.
     */
    private static boolean namesTheLockedFile(Path lockPath, FileChannel channel) throws IOException {
        byte[] nonce = (Long.toHexString(Nonces.RANDOM.nextLong()) + Long.toHexString(System.nanoTime()))
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        channel.truncate(0);
        channel.write(java.nio.ByteBuffer.wrap(nonce), 0);
        byte[] read;
        try (java.nio.channels.SeekableByteChannel byPath = Files.newByteChannel(lockPath, StandardOpenOption.READ,
                LinkOption.NOFOLLOW_LINKS)) {
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(nonce.length + 1);
            while (buffer.hasRemaining() && byPath.read(buffer) > 0) {
                // read what is there, one more byte than the nonce at most
            }
            read = Arrays.copyOf(buffer.array(), buffer.position());
        } catch (NoSuchFileException removed) {
            return false;
        }
        return Arrays.equals(nonce, read);
    }

    /**
     * The lock's nonces, made on the first lock: a SecureRandom starts the JDK's security providers, which a command
     * that only reads files (a scan, a check) should not wait for.
     */
    private static final class Nonces {
        static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

        private Nonces() {
        }
    }

    /** The lock file of a read-only target: a hidden file beside it, there only while an edit holds it. */
    static Path lockBeside(Path target) {
        return target.resolveSibling("." + target.getFileName() + ".attribution-lock");
    }

    private static boolean sameFile(BasicFileAttributes a, BasicFileAttributes b) {
        return Objects.equals(a.fileKey(), b.fileKey()) && a.lastModifiedTime().equals(b.lastModifiedTime())
                && a.size() == b.size();
    }

    /** Polls for the lock until the deadline: a POSIX record lock has no wait with a timeout of its own. */
    private static FileLock waitFor(FileChannel channel, Path path, Duration wait, long deadline) throws IOException {
        long pause = 1;
        while (true) {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return lock;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw busy(path, wait);
            }
            try {
                TimeUnit.NANOSECONDS.sleep(Math.min(left, TimeUnit.MILLISECONDS.toNanos(pause)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw interrupted(path);
            }
            pause = Math.min(pause * 2, 50);
        }
    }

    private static IOException busy(Path path, Duration wait) {
        long millis = wait.toMillis();
        String waited = millis % 1000 == 0 ? (millis / 1000) + " s"
                : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
        return new IOException("cannot edit " + path + ": another process is editing it (waited " + waited + " for it"
                + " to finish); nothing was changed, run the edit again when it is done");
    }

    private static IOException interrupted(Path path) {
        return new java.io.InterruptedIOException("interrupted while waiting to edit " + path + "; nothing was changed");
    }

    /**
     * A held lock; where it is on the target, the target is read through the locked channel; a lock file beside the
     * target is removed before the lock is released.
     */
    private static final class Locked implements AutoCloseable {
        private final FileChannel channel; // holds the lock until it is closed
        private final Path lockFile;

        Locked(FileChannel channel, Path lockFile) {
            this.channel = channel;
            this.lockFile = lockFile;
        }

        /** The target once more, to compare with what was read; null when it grew past {@code length}. */
        byte[] readAgain(Path path, Path target, int length) throws IOException {
            try {
                return read(path, target, length);
            } catch (TooLarge grew) {
                return null;
            }
        }

        byte[] read(Path path, Path target, long maxBytes) throws IOException {
            long limit = Math.min(maxBytes, Integer.MAX_VALUE - 8);
            if (lockFile != null) {
                return FileEdit.read(target, limit);
            }
            long size = channel.size();
            if (size > limit) {
                throw new TooLarge(path, size, limit);
            }
            channel.position(0);
            return bounded(path, java.nio.channels.Channels.newInputStream(channel), size, limit);
        }

        @Override
        public void close() throws IOException {
            try {
                if (lockFile != null) {
                    Files.deleteIfExists(lockFile);
                }
            } finally {
                channel.close(); // releases the lock
            }
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

    /**
     * The real path of a regular file, refusing anything else before it is opened: {@code NoSuchFileException} when
     * nothing is there, an {@code IOException} naming a folder, FIFO, device or socket.
     *
     * @param path the file, or a symbolic link to it
     * @return its real path
     */
    public static Path regularFile(Path path) throws IOException {
        if (!Files.exists(path)) {
            throw new NoSuchFileException(path.toString());
        }
        Path target = path.toRealPath();
        regular(path, Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
        return target;
    }

    /** Refuses what {@code path} names unless these attributes are a regular file's. */
    private static void regular(Path path, BasicFileAttributes attributes) throws IOException {
        if (attributes.isDirectory()) {
            throw new IOException(path + " is a directory, not a file; nothing was read or changed");
        }
        if (!attributes.isRegularFile()) {
            throw new IOException(path + " is not a regular file (a FIFO, device or socket); nothing was read or"
                    + " changed");
        }
    }

    private static Path newFileTarget(Path path) throws IOException {
        Path target = Files.isSymbolicLink(path) ? path.resolveSibling(Files.readSymbolicLink(path)) : path;
        Path folder = target.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new NoSuchFileException(path.toString(), null, "its folder does not exist");
        }
        return folder.toRealPath().resolve(target.getFileName());
    }

    private static boolean readOnly(Path target) throws IOException {
        PosixFileAttributeView posix = Files.getFileAttributeView(target, PosixFileAttributeView.class);
        return posix != null
                ? !posix.readAttributes().permissions().contains(PosixFilePermission.OWNER_WRITE)
                : !Files.isWritable(target);
    }

    private static void requireWritable(Path path, Path target, boolean force) throws IOException {
        PosixFileAttributeView posix = Files.getFileAttributeView(target, PosixFileAttributeView.class);
        if (readOnly(target) && !force) {
            String mode = posix == null ? "" : " (mode " + PosixFilePermissions.toString(posix.readAttributes().permissions()) + ")";
            throw new IOException(path + " is read-only" + mode + "; nothing was changed. Pass --force to edit it"
                    + " anyway (its mode is kept).");
        }
    }

    private static void replace(Path path, Path target, byte[] expected, byte[] content, Locked locked)
            throws IOException {
        Path temp;
        try {
            temp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".tmp");
        } catch (IOException e) {
            throw new IOException("cannot write " + path + ": " + reason(e) + "; nothing was changed", e);
        }
        try {
            Files.write(temp, content);
            keepIdentity(path, target, temp);
            if (!Arrays.equals(expected, locked.readAgain(path, target, expected.length))) {
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
