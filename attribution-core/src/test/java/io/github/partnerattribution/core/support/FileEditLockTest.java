package io.github.partnerattribution.core.support;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writers of one file are serialised by something only writers of that file can touch: nothing another local user
 * plants in the shared temp folder changes what an edit does, and a lock held by another process is waited for
 * within a bound, then reported.
 */
class FileEditLockTest {
    static final byte[] BEFORE = "{ \"a\": 1 }\n".getBytes(StandardCharsets.UTF_8);
    static final byte[] AFTER = "{ \"a\": 2 }\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    /** The shared temp folder the other user plants in; java.io.tmpdir points there while a test runs. */
    Path shared;
    String tmpdir;

    @BeforeEach
    void pointTheTempFolderAtAPlantableOne() throws IOException {
        shared = Files.createDirectories(dir.resolve("shared-tmp"));
        tmpdir = System.getProperty("java.io.tmpdir");
        System.setProperty("java.io.tmpdir", shared.toString());
    }

    @AfterEach
    void restore() {
        System.setProperty("java.io.tmpdir", tmpdir);
    }

    Path target() throws IOException {
        Path work = Files.createDirectories(dir.resolve("work"));
        return Files.write(work.resolve("mainTemplate.json"), BEFORE);
    }

    static FileEdit.Change to(byte[] content) {
        return current -> content;
    }

    /** The attack of the report: every lock name the old scheme could take is a link to a root-only file. */
    @Test
    void linksPlantedInTheTempFolderNeitherWidenNorCreateFiles() throws IOException {
        Path secrets = Files.createDirectories(dir.resolve("secrets"));
        Path victim = Files.write(secrets.resolve("shadow"), "secret".getBytes(StandardCharsets.UTF_8));
        Files.setPosixFilePermissions(victim, PosixFilePermissions.fromString("rw-------"));
        Path planted = Files.createDirectories(shared.resolve("partner-attribution-locks"));
        Files.setPosixFilePermissions(planted, PosixFilePermissions.fromString("rwxrwxrwx"));
        for (int stripe = 0; stripe < 256; stripe++) {
            Path link = planted.resolve(String.format("edit-%02x.lock", stripe));
            // half the names point at the victim, half at files that do not exist yet in a folder of its owner
            Files.createSymbolicLink(link, stripe % 2 == 0 ? victim : secrets.resolve(String.format("new-%02x", stripe)));
        }
        Path target = target();
        FileEdit.edit(target, false, false, to(AFTER));
        Path second = Files.write(target.resolveSibling("other.json"), BEFORE);
        FileEdit.edit(second, false, false, to(AFTER));

        assertArrayEquals(AFTER, Files.readAllBytes(target));
        assertArrayEquals(AFTER, Files.readAllBytes(second));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(victim)));
        assertArrayEquals("secret".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(victim));
        try (Stream<Path> files = Files.list(secrets)) {
            assertEquals(1, files.count(), "no file was created through a planted link");
        }
    }

    @Test
    void aRegularFileWhereTheOldLockFolderWasDoesNotStopEdits() throws IOException {
        Files.write(shared.resolve("partner-attribution-locks"), new byte[0]);
        Path target = target();
        FileEdit.edit(target, false, false, to(AFTER));
        assertArrayEquals(AFTER, Files.readAllBytes(target));
    }

    @Test
    void nothingIsWrittenToTheTempFolderAndNothingIsLeftBesideTheTarget() throws IOException {
        Path target = target();
        FileEdit.edit(target, false, false, to(AFTER));
        try (Stream<Path> files = Files.list(shared)) {
            assertEquals(0, files.count(), "the shared temp folder is not used");
        }
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertEquals(1, files.count(), "only the target is in its folder");
        }
    }

    @Test
    void aForcedEditOfAReadOnlyFileLocksBesideItWithoutFollowingALinkOrWideningTheMode() throws IOException {
        Path target = target();
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("r--r-----"));
        Path victim = Files.write(dir.resolve("victim"), "keep".getBytes(StandardCharsets.UTF_8));
        Files.setPosixFilePermissions(victim, PosixFilePermissions.fromString("rw-------"));
        Path lock = FileEdit.lockBeside(target);
        Files.createSymbolicLink(lock, victim);

        IOException e = assertThrows(IOException.class, () -> FileEdit.edit(target, true, false, to(AFTER)));
        assertTrue(e.getMessage().contains("is not a regular file"), e.getMessage());
        assertArrayEquals(BEFORE, Files.readAllBytes(target));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(victim)));

        Files.delete(lock);
        FileEdit.edit(target, true, false, to(AFTER));
        assertArrayEquals(AFTER, Files.readAllBytes(target));
        assertEquals("r--r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
        assertFalse(Files.exists(lock, LinkOption.NOFOLLOW_LINKS), "the lock file is gone once the edit is done");
    }

    @Test
    void aLockFileLeftBehindByACrashDoesNotStopTheNextEdit() throws IOException {
        Path target = target();
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("r--r-----"));
        Files.write(FileEdit.lockBeside(target), "left by a crash".getBytes(StandardCharsets.UTF_8));
        FileEdit.edit(target, true, false, to(AFTER));
        assertArrayEquals(AFTER, Files.readAllBytes(target));
        assertFalse(Files.exists(FileEdit.lockBeside(target)));
    }

    /** A second real process that holds an edit of the file until told to finish it. */
    @Test
    void aLockHeldByAnotherProcessIsWaitedForWithinABoundThenNamed() throws Exception {
        Path target = target();
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        Process holder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                EditHolder.class.getName(), target.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("editing", out.readLine(), "the holder is inside its edit");

            IOException e = assertThrows(IOException.class,
                    () -> FileEdit.edit(target, false, false, to(AFTER), Duration.ofMillis(300)));
            assertEquals("cannot edit " + target + ": another process is editing it (waited 0.3 s for it to"
                    + " finish); nothing was changed, run the edit again when it is done", e.getMessage());
            assertArrayEquals(BEFORE, Files.readAllBytes(target));

            holder.getOutputStream().close(); // the holder finishes its edit and exits
            assertEquals("done", out.readLine());
            assertTrue(holder.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, holder.exitValue());
        } finally {
            holder.destroyForcibly();
        }
        // what the holder wrote is what the next edit starts from
        FileEdit.edit(target, false, false, current -> {
            assertArrayEquals(EditHolder.CONTENT, current);
            return AFTER;
        });
        assertArrayEquals(AFTER, Files.readAllBytes(target));
    }

    /** The other process: edits the file given, and finishes the edit when its standard input ends. */
    public static final class EditHolder {
        static final byte[] CONTENT = "{ \"holder\": true }\n".getBytes(StandardCharsets.UTF_8);

        public static void main(String[] args) throws IOException {
            FileEdit.edit(new File(args[0]).toPath(), false, false, current -> {
                System.out.println("editing");
                System.out.flush();
                while (System.in.read() >= 0) {
                    // wait for the end of input
                }
                return CONTENT;
            });
            System.out.println("done");
            System.out.flush();
        }
    }
}
