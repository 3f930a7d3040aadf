package io.github.partnerattribution.templates;

import static io.github.partnerattribution.templates.Fixtures.ID;
import static io.github.partnerattribution.templates.Fixtures.RG;
import static io.github.partnerattribution.templates.Fixtures.storage;
import static io.github.partnerattribution.templates.Fixtures.template;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import io.github.partnerattribution.core.support.FileEdit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes that fail: the original stays intact, nothing is left behind, and the error names the file. */
class WriteFailureTest {
    static final byte[] TEMPLATE = template(RG, "", storage()).getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    @Test
    void aDiskThatFillsUpLeavesTheOriginalIntact() throws IOException {
        // Room for the original and one more 256-byte block: the edited copy needs several.
        long room = (TEMPLATE.length + 255) / 256 * 256 + 256;
        try (FileSystem small = Jimfs.newFileSystem(Configuration.unix().toBuilder()
                .setBlockSize(256).setMaxSize(room).build())) {
            Path folder = Files.createDirectories(small.getPath("/solution"));
            Path file = folder.resolve("mainTemplate.json");
            Files.write(file, TEMPLATE);
            IOException e = assertThrows(IOException.class, () -> ArmTemplates.add(file, ID));
            assertTrue(e.getMessage().startsWith("cannot write /solution/mainTemplate.json: "), e.getMessage());
            assertArrayEquals(TEMPLATE, Files.readAllBytes(file));
            assertEquals(1, count(folder), "no temp file left behind");
        }
    }

    @Test
    void aReadOnlyFolderLeavesTheOriginalIntact() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("solution"));
        Path file = folder.resolve("mainTemplate.json");
        Files.write(file, TEMPLATE);
        boolean immutable = run("chattr", "+i", folder.toString()) == 0;
        if (!immutable) {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
            assumeTrue(!Files.isWritable(folder), "neither chattr nor permissions can make a folder read-only here");
        }
        try {
            IOException e = assertThrows(IOException.class, () -> ArmTemplates.add(file, ID));
            assertTrue(e.getMessage().startsWith("cannot write " + file + ": "), e.getMessage());
            assertArrayEquals(TEMPLATE, Files.readAllBytes(file));
        } finally {
            if (immutable) {
                run("chattr", "-i", folder.toString());
            } else {
                Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
        assertEquals(1, count(folder), "no temp file left behind");
    }

    @Test
    void aFileReplacedWhileBeingEditedIsNotOverwritten() throws IOException {
        Path file = dir.resolve("mainTemplate.json");
        Files.write(file, TEMPLATE);
        byte[] theirs = "{ \"someone\": \"else\" }".getBytes(StandardCharsets.UTF_8);
        // A writer that does not lock the file replaces it while the edit is being computed.
        IOException e = assertThrows(IOException.class, () -> FileEdit.edit(file, false, false, current -> {
            Files.write(file, theirs);
            return "{ \"ours\": true }".getBytes(StandardCharsets.UTF_8);
        }));
        assertEquals("cannot write " + file + ": it changed on disk while being edited, by a writer that does not lock"
                + " it; nothing was written, run the edit again", e.getMessage());
        assertArrayEquals(theirs, Files.readAllBytes(file));
        assertEquals(1, count(dir), "no temp file left behind");
    }

    private static long count(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.count();
        }
    }

    private static int run(String... command) throws InterruptedException {
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).start().waitFor();
        } catch (IOException notInstalled) {
            return -1;
        }
    }
}
