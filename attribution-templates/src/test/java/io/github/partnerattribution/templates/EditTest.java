package io.github.partnerattribution.templates;

import static io.github.partnerattribution.templates.Fixtures.ID;
import static io.github.partnerattribution.templates.Fixtures.RG;
import static io.github.partnerattribution.templates.Fixtures.SUB;
import static io.github.partnerattribution.templates.Fixtures.storage;
import static io.github.partnerattribution.templates.Fixtures.template;
import static io.github.partnerattribution.templates.Fixtures.tracking;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.partnerattribution.core.PartnerId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EditTest {
    static final PartnerId OTHER = PartnerId.parse("2c3d4e5f-6071-4b8c-9d0e-1f2a3b4c5d6e");

    @TempDir
    Path dir;

    Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, content.getBytes(StandardCharsets.UTF_8));
        return file;
    }

    static String read(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }

    @Test
    void addsAsTheLastResourceInTheFilesOwnIndentationAndCommaStyle() throws IOException {
        String original = "{\n    \"$schema\": \"" + RG + "\",\n    \"contentVersion\": \"1.0.0.0\",\n    \"resources\": [\n"
                + "        {\n            \"type\": \"Microsoft.Storage/storageAccounts\",\n            \"name\": \"s\"\n        }\n"
                + "    ]\n}\n";
        Path file = write("mainTemplate.json", original);
        TemplateEdit edit = ArmTemplates.add(file, ID);
        assertTrue(edit.changed() && edit.written());
        String after = read(file);
        assertTrue(after.startsWith(original.substring(0, original.indexOf("        }\n    ]\n}") + 9) + ",\n"), after);
        assertTrue(after.contains("\n        },\n        {\n            \"type\": \"Microsoft.Resources/deployments\",\n"
                + "            \"apiVersion\": \"2025-04-01\",\n            \"name\": \"" + ID.token() + "\",\n"), after);
        assertTrue(after.endsWith("        }\n    ]\n}\n"), after);
        assertCommaAndAddedLines(original, after);
        assertEquals(List.of(), ArmTemplates.check(file));
    }

    @Test
    void aSecondAddChangesNoByte() throws IOException {
        Path file = write("azuredeploy.json", template(RG, "", storage()));
        ArmTemplates.add(file, ID);
        byte[] once = Files.readAllBytes(file);
        TemplateEdit again = ArmTemplates.add(file, ID);
        assertFalse(again.changed() || again.written());
        assertArrayEquals(once, Files.readAllBytes(file));
    }

    @Test
    void keepsCrlfLineEndingsTabsCommentsAndTheByteOrderMark() throws IOException {
        String original = "{\r\n\t// our solution\r\n\t\"$schema\": \"" + RG + "\",\r\n\t\"contentVersion\": \"1.0.0.0\",\r\n"
                + "\t\"resources\": [\r\n\t\t/* storage */\r\n\t\t{ \"type\": \"Microsoft.Storage/storageAccounts\", \"name\": \"s\" }\r\n\t]\r\n}\r\n";
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = original.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        System.arraycopy(bom, 0, withBom, 0, 3);
        System.arraycopy(body, 0, withBom, 3, body.length);
        Path file = dir.resolve("mainTemplate.json");
        Files.write(file, withBom);
        ArmTemplates.add(file, ID);
        byte[] after = Files.readAllBytes(file);
        assertArrayEquals(bom, java.util.Arrays.copyOf(after, 3));
        String text = new String(after, 3, after.length - 3, StandardCharsets.UTF_8);
        assertFalse(text.replace("\r\n", "").contains("\n"), "only CRLF line endings");
        assertTrue(text.contains("\"name\": \"s\" },\r\n\t\t{\r\n\t\t\t\"type\": \"Microsoft.Resources/deployments\","), text);
        assertTrue(text.contains("// our solution") && text.contains("/* storage */"));
        assertCommaAndAddedLines(original, text);
    }

    @Test
    void addsLocationAboveResourceGroupScope() throws IOException {
        Path file = write("mainTemplate.json", template(SUB, "", storage()));
        ArmTemplates.add(file, ID);
        assertTrue(read(file).contains("\"location\": \"[deployment().location]\""));
        assertEquals(List.of(), ArmTemplates.check(file));
    }

    @Test
    void addsASymbolicResourceToALanguageVersion2Template() throws IOException {
        String v2 = "{\n  \"$schema\": \"" + RG + "\",\n  \"languageVersion\": \"2.0\",\n  \"contentVersion\": \"1.0.0.0\",\n"
                + "  \"resources\": {\n    \"partnerAttribution\": " + storage() + "\n  }\n}\n";
        Path file = write("mainTemplate.json", v2);
        ArmTemplates.add(file, ID);
        assertTrue(read(file).contains("\"partnerAttribution2\": {"), read(file));
        assertEquals(List.of(), ArmTemplates.check(file));
    }

    @Test
    void addsIntoAnEmptyResourcesArray() throws IOException {
        Path file = write("mainTemplate.json", "{\n  \"$schema\": \"" + RG + "\",\n  \"contentVersion\": \"1.0.0.0\",\n  \"resources\": []\n}\n");
        ArmTemplates.add(file, ID);
        assertTrue(read(file).contains("  \"resources\": [\n    {\n      \"type\": \"Microsoft.Resources/deployments\","), read(file));
        assertEquals(List.of(), ArmTemplates.check(file));
    }

    @Test
    void takesAnotherApiVersion() throws IOException {
        Path file = write("mainTemplate.json", template(RG, "", storage()));
        ArmTemplates.add(file, ID, TemplateOptions.defaults().withApiVersion("2019-10-01"));
        assertTrue(read(file).contains("\"apiVersion\": \"2019-10-01\""));
        assertThrows(IllegalArgumentException.class, () -> TemplateOptions.defaults().withApiVersion("latest"));
    }

    @Test
    void refusesANestedTemplateAndLeavesItUntouched() throws IOException {
        Path file = write("nestedtemplates/db.json", template(RG, "", storage()));
        byte[] before = Files.readAllBytes(file);
        TemplateException e = assertThrows(TemplateException.class, () -> ArmTemplates.add(file, ID));
        assertTrue(e.getMessage().contains("this is a nested template; customer usage attribution belongs in the main"
                + " template only"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void refusesInvalidJsonNamingLineAndColumnAndLeavesTheFileUntouched() throws IOException {
        Path file = write("mainTemplate.json", "{\n  \"$schema\": \"" + RG + "\",\n  \"resources\": [ { \"name\": } ]\n}\n");
        byte[] before = Files.readAllBytes(file);
        TemplateException e = assertThrows(TemplateException.class, () -> ArmTemplates.add(file, ID));
        assertTrue(e.getMessage().contains("invalid JSON at line 3, column"), e.getMessage());
        assertTrue(e.getMessage().endsWith("Nothing was changed."), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
        try (var list = Files.list(dir)) {
            assertEquals(1, list.count(), "no temp file left behind");
        }
    }

    @Test
    void anotherIdAlreadyPresentIsAnErrorUnlessReplaced() throws IOException {
        Path file = write("mainTemplate.json", template(RG, "", storage(), tracking(OTHER.token(), "")));
        byte[] before = Files.readAllBytes(file);
        TemplateException e = assertThrows(TemplateException.class, () -> ArmTemplates.add(file, ID));
        assertTrue(e.getMessage().contains("already holds a tracking resource"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));

        TemplateEdit replaced = ArmTemplates.replace(file, ID, TemplateOptions.defaults());
        assertTrue(replaced.written());
        assertEquals(new String(before, StandardCharsets.UTF_8).replace(OTHER.token(), ID.token()), read(file));
    }

    @Test
    void removeUndoesAddByteForByte() throws IOException {
        String original = template(RG, "", storage());
        Path file = write("mainTemplate.json", original);
        ArmTemplates.add(file, ID);
        TemplateEdit removed = ArmTemplates.remove(file, ID, TemplateOptions.defaults());
        assertTrue(removed.written());
        assertEquals(original, read(file));
        assertFalse(ArmTemplates.remove(file, ID, TemplateOptions.defaults()).changed());
    }

    @Test
    void aDryRunWritesNothing() throws IOException {
        Path file = write("mainTemplate.json", template(RG, "", storage()));
        byte[] before = Files.readAllBytes(file);
        TemplateEdit edit = ArmTemplates.add(file, ID, TemplateOptions.defaults().withDryRun(true));
        assertTrue(edit.changed());
        assertFalse(edit.written());
        assertTrue(edit.after().contains(ID.token()));
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void bicepCheckAndAdd() throws IOException {
        Path file = write("main.bicep", "param location string = resourceGroup().location\n\nresource s 'Microsoft.Storage/storageAccounts@2023-01-01' = {\n  name: 'store'\n  location: location\n}\n");
        assertEquals(List.of("CUA001"), Fixtures.codes(ArmTemplates.check(file)));
        ArmTemplates.add(file, ID);
        assertEquals(List.of(), ArmTemplates.check(file));
        byte[] once = Files.readAllBytes(file);
        assertFalse(ArmTemplates.add(file, ID).changed());
        assertArrayEquals(once, Files.readAllBytes(file));
        Path interpolated = write("sub/main.bicep", "var cuaid = '" + ID.guid() + "'\nresource t 'Microsoft.Resources/deployments@2025-04-01' = {\n"
                + "  name: 'pid-${cuaid}'\n  properties: {\n    mode: 'Incremental'\n  }\n}\n");
        assertEquals(List.of(), ArmTemplates.check(interpolated));
        Path malformed = write("bad/main.bicep", "resource t 'Microsoft.Resources/deployments@2025-04-01' = {\n  name: 'pid-eb7927c8-dd66-43e1-b0cf-c346a422063'\n"
                + "  properties: {\n    mode: 'Incremental'\n  }\n}\n");
        assertEquals(List.of("CUA002"), Fixtures.codes(ArmTemplates.check(malformed)));
    }

    /** The new text is the old one with lines inserted: every old line stays, in order, unchanged. */
    /**
     * What add changes, in the file's own style: at most one comma, at the end of the line of the element before (a
     * comment after it aside), and one block of added lines; every other line as it was.
     */
    static void assertCommaAndAddedLines(String before, String after) {
        int i = 0;
        while (i < before.length() && before.charAt(i) == after.charAt(i)) {
            i++;
        }
        String withoutComma = after;
        if (after.charAt(i) == ',' && !onlyAddedLines(before, after)) {
            int lineEnd = after.indexOf('\n', i);
            String rest = after.substring(i + 1, lineEnd < 0 ? after.length() : lineEnd).trim();
            assertTrue(rest.isEmpty() || rest.startsWith("//") || rest.startsWith("/*"), "a comma at a line's end: " + rest);
            withoutComma = after.substring(0, i) + after.substring(i + 1);
        }
        assertOnlyAddedLines(before, withoutComma);
    }

    static boolean onlyAddedLines(String before, String after) {
        try {
            assertOnlyAddedLines(before, after);
            return true;
        } catch (AssertionError notOnly) {
            return false;
        }
    }

    static void assertOnlyAddedLines(String before, String after) {
        String[] old = before.split("\r?\n", -1);
        String[] now = after.split("\r?\n", -1);
        int j = 0;
        for (String line : now) {
            if (j < old.length && line.equals(old[j])) {
                j++;
            }
        }
        assertEquals(old.length, j, "every original line survives unchanged and in order");
        int first = 0;
        while (first < old.length && old[first].equals(now[first])) {
            first++;
        }
        int tail = 0;
        while (tail < old.length - first && old[old.length - 1 - tail].equals(now[now.length - 1 - tail])) {
            tail++;
        }
        assertEquals(old.length, first + tail, "the added lines form one block");
    }
}
