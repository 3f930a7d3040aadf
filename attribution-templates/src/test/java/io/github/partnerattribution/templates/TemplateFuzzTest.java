package io.github.partnerattribution.templates;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.partnerattribution.core.PartnerId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Jazzer: check never throws on any bytes, JSON or Bicep; add either succeeds or raises TemplateException, and a
 * failed add leaves the file as it was; in Bicep, remove undoes what add did.
 */
class TemplateFuzzTest {
    static final PartnerId ID = PartnerId.parse("1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d");

    @FuzzTest(maxDuration = "15s")
    void checkAndAdd(FuzzedDataProvider data) throws IOException {
        checkThenEdit(data.consumeRemainingAsBytes(), "mainTemplate.json", file -> {
            ArmTemplates.add(file, ID);
            ArmTemplates.check(file);
        });
    }

    /**
     * Bicep: the parser never throws on any text (a syntax error is a finding); add either succeeds or raises
     * TemplateException with the file untouched; and what add accepted, remove gives back byte for byte.
     */
    @FuzzTest(maxDuration = "15s")
    void bicepCheckAddRemove(FuzzedDataProvider data) throws IOException {
        byte[] content = data.consumeRemainingAsBytes();
        checkThenEdit(content, "main.bicep", file -> {
            if (ArmTemplates.add(file, ID).written()) {
                ArmTemplates.check(file);
                ArmTemplates.remove(file, ID, TemplateOptions.defaults());
                assertArrayEquals(content, Files.readAllBytes(file));
            }
        });
    }

    /** Edits on a file of the content, in a folder of its own. */
    private interface Edits {
        void apply(Path file) throws IOException;
    }

    /**
     * Checks the content as {@code name}, then writes it to a file so named and runs the edits on it: one that raises
     * TemplateException must leave the file as it was.
     */
    private static void checkThenEdit(byte[] content, String name, Edits edits) throws IOException {
        ArmTemplates.check(content, name, TemplateRole.MAIN, TemplateOptions.defaults());
        Path dir = Files.createTempDirectory("template-fuzz");
        Path file = dir.resolve(name);
        try {
            Files.write(file, content);
            try {
                edits.apply(file);
            } catch (TemplateException expected) {
                assertArrayEquals(content, Files.readAllBytes(file));
            }
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }
}
