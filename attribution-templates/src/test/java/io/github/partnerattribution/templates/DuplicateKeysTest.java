package io.github.partnerattribution.templates;

import static io.github.partnerattribution.templates.Fixtures.ID;
import static io.github.partnerattribution.templates.Fixtures.RG;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A key given twice in one object of a JSON template: readers disagree on which one counts (Jackson and this tool's
 * tree keep the first, Json.NET's default and Python keep the last), so it is an error naming both lines, and no edit
 * writes into a template that two readers would see differently.
 */
class DuplicateKeysTest {
    /** "resources" twice: the first holds a storage account, the second (line 9) is empty. */
    static final String TWICE = "{\n  \"$schema\": \"" + RG + "\",\n  \"contentVersion\": \"1.0.0.0\",\n"
            + "  \"resources\": [\n    { \"type\": \"Microsoft.Storage/storageAccounts\", \"apiVersion\": \"2023-01-01\","
            + " \"name\": \"s\", \"location\": \"westeurope\" }\n  ],\n  \"outputs\": {},\n"
            + "  \"parameters\": {},\n  \"resources\": []\n}\n";

    @TempDir
    Path dir;

    @Test
    void aKeyGivenTwiceIsAnErrorThatNamesBothLines() {
        List<Finding> findings = ArmTemplates.check(TWICE.getBytes(StandardCharsets.UTF_8), "mainTemplate.json", TemplateRole.MAIN,
                TemplateOptions.defaults());
        List<Finding> duplicates = findings.stream().filter(f -> f.code().equals("CUA013"))
                .collect(Collectors.toList());
        assertEquals(1, duplicates.size(), findings.toString());
        Finding f = duplicates.get(0);
        assertEquals(Severity.ERROR, f.severity());
        assertEquals(9, f.line());
        assertTrue(f.message().contains("\"resources\"") && f.message().contains("(lines 4 and 9)"), f.message());
    }

    @Test
    void addRemoveAndReplaceRefuseItAndLeaveTheFileAsItWas() throws IOException {
        Path file = dir.resolve("mainTemplate.json");
        Files.write(file, TWICE.getBytes(StandardCharsets.UTF_8));
        byte[] before = Files.readAllBytes(file);
        for (Edit edit : List.<Edit>of(f -> ArmTemplates.add(f, ID), f -> ArmTemplates.remove(f, ID,
                TemplateOptions.defaults()), f -> ArmTemplates.replace(f, ID, TemplateOptions.defaults()))) {
            TemplateException e = assertThrows(TemplateException.class, () -> edit.on(file));
            assertTrue(e.getMessage().contains("\"resources\"") && e.getMessage().contains("lines 4 and 9")
                    && e.getMessage().contains("Nothing was changed."), e.getMessage());
            assertArrayEquals(before, Files.readAllBytes(file));
        }
    }

    interface Edit {
        void on(Path file) throws IOException;
    }
}
