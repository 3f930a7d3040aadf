package io.github.partnerattribution.templates;

import static io.github.partnerattribution.templates.Fixtures.ID;
import static io.github.partnerattribution.templates.Fixtures.RG;
import static io.github.partnerattribution.templates.Fixtures.storage;
import static io.github.partnerattribution.templates.Fixtures.template;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.partnerattribution.core.PartnerId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An edit changes the content of the file a path names and nothing else about it. */
class FileIdentityTest {
    static final byte[] TEMPLATE = template(RG, "", storage()).getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    Path aTemplate() throws IOException {
        return Files.write(dir.resolve("mainTemplate.json"), TEMPLATE);
    }

    long entries() throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.count();
        }
    }

    @Test
    void aSymbolicLinkStaysALinkAndItsTargetIsEdited() throws IOException {
        Path real = Files.write(Files.createDirectories(dir.resolve("real")).resolve("t.json"), TEMPLATE);
        Path link = Files.createSymbolicLink(dir.resolve("mainTemplate.json"), real);
        assertTrue(ArmTemplates.add(link, ID).written());
        assertTrue(Files.isSymbolicLink(link), "the link is still a link");
        assertEquals(real, Files.readSymbolicLink(link));
        assertTrue(new String(Files.readAllBytes(real), StandardCharsets.UTF_8).contains(ID.token()));
    }

    @Test
    void theModeIsKept() throws IOException {
        Path file = aTemplate();
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-r--"));
        assertTrue(ArmTemplates.add(file, ID).written());
        assertEquals("rw-rw-r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(1, entries(), "no temp file left behind");
    }

    @Test
    void aReadOnlyFileIsRefusedUnlessForced() throws IOException {
        Path file = aTemplate();
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        IOException e = assertThrows(IOException.class, () -> ArmTemplates.add(file, ID));
        assertEquals(file + " is read-only (mode r--r--r--); nothing was changed. Pass --force to edit it anyway (its"
                + " mode is kept).", e.getMessage());
        assertArrayEquals(TEMPLATE, Files.readAllBytes(file));

        assertTrue(ArmTemplates.add(file, ID, TemplateOptions.defaults().withForce(true)).written());
        assertEquals("r--r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(1, entries(), "no temp file left behind");
    }

    @Test
    void theOwnerAndGroupAreKept() throws IOException {
        Path file = aTemplate();
        UserPrincipal nobody;
        try {
            nobody = file.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
            Files.setOwner(file, nobody);
        } catch (IOException | UnsupportedOperationException notRoot) {
            assumeTrue(false, "cannot give a file to another user here: " + notRoot);
            return;
        }
        PosixFileAttributes before = Files.readAttributes(file, PosixFileAttributes.class);
        assertTrue(ArmTemplates.add(file, ID).written());
        PosixFileAttributes after = Files.readAttributes(file, PosixFileAttributes.class);
        assertEquals(nobody, after.owner());
        assertEquals(before.group(), after.group());
    }

    @Test
    void aFifoIsRefusedBeforeAnythingIsReadAndStaysAFifo() throws Exception {
        Path fifo = dir.resolve("mainTemplate.json");
        int made;
        try {
            made = new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor();
        } catch (IOException noMkfifo) {
            made = -1;
        }
        assumeTrue(made == 0, "mkfifo is not available");
        for (Callable<?> use : List.<Callable<?>>of(() -> ArmTemplates.add(fifo, ID), () -> ArmTemplates.check(fifo),
                () -> ArmTemplates.add(fifo, ID, TemplateOptions.defaults().withDryRun(true)))) {
            IOException e = assertThrows(IOException.class, use::call);
            assertEquals(fifo + " is not a regular file (a FIFO, device or socket); nothing was read or changed",
                    e.getMessage());
        }
        assertFalse(Files.isRegularFile(fifo, LinkOption.NOFOLLOW_LINKS), "still a FIFO");
        assertEquals(1, entries(), "no temp file left behind");
    }

    @Test
    void aDirectoryIsNamedAsOne() {
        IOException e = assertThrows(IOException.class, () -> ArmTemplates.add(dir, ID));
        assertEquals(dir + " is a directory, not a file; nothing was read or changed", e.getMessage());
    }

    /** Documented: the atomic replace gives the path a new file, so another hard link keeps the old content. */
    @Test
    void aHardLinkKeepsTheOldContent() throws IOException {
        Path file = aTemplate();
        Path other = Files.createLink(dir.resolve("copy.json"), file);
        assertTrue(ArmTemplates.add(file, ID).written());
        assertArrayEquals(TEMPLATE, Files.readAllBytes(other));
    }

    @Test
    void concurrentEditsRunOneAfterTheOtherAndTheSameEditTwiceSucceeds() throws Exception {
        Path file = aTemplate();
        PartnerId other = PartnerId.parse("9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a");
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Future<TemplateEdit>> edits = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                edits.add(pool.submit(() -> ArmTemplates.add(file, ID)));
            }
            int written = 0;
            for (Future<TemplateEdit> edit : edits) {
                written += edit.get().written() ? 1 : 0;
            }
            assertEquals(1, written, "one wrote it; the others found it there and succeeded");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of(ID), ArmTemplates.partnerIds(Files.readAllBytes(file), TemplateOptions.defaults()));
        TemplateException e = assertThrows(TemplateException.class, () -> ArmTemplates.add(file, other));
        assertTrue(e.getMessage().contains("already holds a tracking resource"), e.getMessage());
        assertEquals(1, entries(), "no temp file left behind");
    }
}
