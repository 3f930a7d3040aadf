package io.github.partnerattribution.templates;

import static io.github.partnerattribution.templates.Fixtures.ID;
import static io.github.partnerattribution.templates.Fixtures.RG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ARM refuses a template over 4 MB, so an edit of one is refused from its size, in one line, before the file is read
 * (a 60 MB template once took 42 s and 4.7 GB to be edited, and ended in OutOfMemoryError under -Xmx1g). A file just
 * under the bound is still edited. The large files here are sparse: they take no disk.
 */
class TemplateSizeTest {
    @TempDir
    Path dir;

    private Path sparse(String name, long size) throws IOException {
        Path file = dir.resolve(name);
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(size);
        }
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_000_000L));
        return file;
    }

    @Test
    void everyEditRefusesATemplateOverArmsLimitFromItsSize() throws IOException {
        for (String name : List.of("mainTemplate.json", "main.bicep")) {
            Path file = sparse(name, 60L * 1024 * 1024);
            for (TemplateOptions options : List.of(TemplateOptions.defaults(), TemplateOptions.defaults().withDryRun(true))) {
                for (DuplicateKeysTest.Edit edit : List.<DuplicateKeysTest.Edit>of(
                        f -> ArmTemplates.add(f, ID, options), f -> ArmTemplates.remove(f, ID, options),
                        f -> ArmTemplates.replace(f, ID, options))) {
                    TemplateException e = assertThrows(TemplateException.class, () -> edit.on(file));
                    assertTrue(e.getMessage().contains("62914560 bytes, over the 4194304 bytes (4 MB) ARM accepts")
                            && e.getMessage().contains("Nothing was changed.") && !e.getMessage().contains("\n"),
                            e.getMessage());
                }
            }
            assertEquals(60L * 1024 * 1024, Files.size(file));
            assertEquals(FileTime.fromMillis(1_000_000L), Files.getLastModifiedTime(file));
        }
    }

    @Test
    void aTemplateJustUnderTheLimitIsStillEdited() throws IOException {
        String head = "{\"$schema\": \"" + RG + "\", \"resources\": []";
        String tail = "}\n";
        StringBuilder text = new StringBuilder(head);
        while (text.length() < 4 * 1024 * 1024 - 1024) {
            text.append("                                                                \n");
        }
        text.append(tail);
        Path file = dir.resolve("mainTemplate.json");
        Files.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
        assertTrue(ArmTemplates.add(file, ID).written());
    }
}
