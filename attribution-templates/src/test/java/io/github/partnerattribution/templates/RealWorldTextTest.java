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

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Templates as real repositories write them, at the level of their text: line breaks, encodings, sizes. */
class RealWorldTextTest {
    @TempDir
    Path dir;

    static final String MULTI_LINE = "{\n  \"$schema\": \"" + RG + "\",\n  \"contentVersion\": \"1.0.0.0\",\n"
            + "  \"parameters\": { \"optOut\": { \"type\": \"bool\", \"defaultValue\": false } },\n"
            + "  \"variables\": {\n    \"long\": \"[if(parameters('optOut'),\n      'a',\n      'b')]\"\n  },\n"
            + "  \"resources\": [\n    {\n      \"type\": \"Microsoft.Storage/storageAccounts\",\n"
            + "      \"apiVersion\": \"2023-01-01\",\n      \"name\": \"store\"\n    },\n"
            + "    {\n      \"type\": \"Microsoft.Resources/deployments\",\n      \"apiVersion\": \"2025-04-01\",\n"
            + "      \"name\": \"pid-" + ID.guid() + "\",\n      \"location\": \"westeurope\",\n"
            + "      \"properties\": { \"mode\": \"Incremental\", \"template\": { \"resources\": [] } }\n    }\n  ]\n}\n";

    static List<String> codes(List<Finding> findings) {
        return findings.stream().map(f -> f.code() + "@" + f.line() + ":" + f.column()).collect(Collectors.toList());
    }

    @Test
    void aRawLineBreakInsideAStringIsAcceptedAndPositionsAfterItAreRight() {
        List<Finding> findings = ArmTemplates.check(MULTI_LINE.getBytes(StandardCharsets.UTF_8), "mainTemplate.json",
                TemplateRole.MAIN, TemplateOptions.defaults());
        // The only finding is the location at resource-group scope, on line 20: after the three-line string.
        assertEquals(List.of("CUA007@20:19"), codes(findings));
    }

    @Test
    void addKeepsMultiLineStringsByteForByte() throws IOException {
        String noTracking = MULTI_LINE.substring(0, MULTI_LINE.indexOf("    },\n    {\n      \"type\": \"Microsoft.Resources"))
                + "    }\n  ]\n}\n";
        Path file = Files.write(dir.resolve("mainTemplate.json"), noTracking.getBytes(StandardCharsets.UTF_8));
        assertTrue(ArmTemplates.add(file, ID).written());
        String after = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        assertTrue(after.contains("\"[if(parameters('optOut'),\n      'a',\n      'b')]\""), after);
        assertTrue(after.startsWith(noTracking.substring(0, noTracking.indexOf("    }\n  ]"))), after);
    }

    @Test
    void contentThatIsNotUtf8IsRefusedNamingTheByteNeverRepaired() throws IOException {
        byte[] latin1 = template(RG, "", storage().replace("\"store\"", "\"caf\u00e9\"")).getBytes(StandardCharsets.ISO_8859_1);
        Path file = Files.write(dir.resolve("mainTemplate.json"), latin1);
        List<Finding> findings = ArmTemplates.check(file);
        assertEquals(1, findings.size(), findings.toString());
        Finding f = findings.get(0);
        assertEquals("CUA012", f.code());
        int offset = new String(latin1, StandardCharsets.ISO_8859_1).indexOf('\u00e9');
        assertTrue(f.message().contains("the file is not UTF-8: byte 0xE9 at byte offset " + offset), f.message());

        TemplateException e = assertThrows(TemplateException.class, () -> ArmTemplates.add(file, ID));
        assertTrue(e.getMessage().contains("byte 0xE9 at byte offset " + offset), e.getMessage());
        assertArrayEquals(latin1, Files.readAllBytes(file), "not a byte changed");

        Path bicep = Files.write(dir.resolve("main.bicep"), "var x = 'caf\u00e9'\n".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals("CUA012", ArmTemplates.check(bicep).get(0).code());
        assertThrows(TemplateException.class, () -> ArmTemplates.add(bicep, ID));
    }

    @Test
    void utf8WithAndWithoutBomAndAstralCharactersIsAccepted() {
        String text = template(RG, "", storage().replace("\"store\"", "\"caf\u00e9 \uD83D\uDE80\""), Fixtures.tracking(ID.token(), ""));
        byte[] plain = text.getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[plain.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(plain, 0, bom, 3, plain.length);
        for (byte[] content : List.of(plain, bom)) {
            assertEquals(List.of(), ArmTemplates.check(content, "mainTemplate.json", TemplateRole.MAIN, TemplateOptions.defaults()));
        }
    }

    @Test
    void invalidJsonIsDescribedWithoutTheParsersInternals() {
        String broken = template(RG, "", storage()).replaceFirst("\\]\\s*}\\s*$", "]\n}\n}\n");
        Finding f = ArmTemplates.check(broken.getBytes(StandardCharsets.UTF_8), "mainTemplate.json", TemplateRole.MAIN,
                TemplateOptions.defaults()).get(0);
        assertEquals("CUA012", f.code());
        assertFalse(f.message().contains("Source:") || f.message().contains("REDACTED") || f.message().contains("StreamReadFeature")
                || f.message().contains("(code "), f.message());
        String missingComma = template(RG, "", storage()).replace("\"contentVersion\": \"1.0.0.0\",", "\"contentVersion\": \"1.0.0.0\"");
        Finding g = ArmTemplates.check(missingComma.getBytes(StandardCharsets.UTF_8), "mainTemplate.json", TemplateRole.MAIN,
                TemplateOptions.defaults()).get(0);
        assertFalse(g.message().contains("(code "), g.message());
        assertTrue(g.message().contains("was expecting comma"), g.message());
    }

    @Test
    void aFileFarOverTheLimitIsReportedBySizeWithoutBeingRead() throws IOException {
        Path huge = dir.resolve("mainTemplate.json");
        try (RandomAccessFile sparse = new RandomAccessFile(huge.toFile(), "rw")) {
            sparse.setLength(200L * 1024 * 1024); // 200 MB, sparse: no memory or disk is spent on it
        }
        List<Finding> findings = ArmTemplates.check(huge);
        assertEquals(List.of("CUA018@1:1"), codes(findings));
        assertTrue(findings.get(0).message().startsWith("The file is 200.0 MB (209715200 bytes), far over the 4 MB"),
                findings.get(0).message());
        ScanReport scan = ArmTemplates.scan(dir);
        assertEquals(List.of("CUA018@1:1"), codes(scan.findings()));
    }

    @Test
    void resourcesSettingsAreCheckedNotKeptAndADeploymentWhosePropertiesComeFirstIsStillRead() throws IOException {
        // Only a template's skeleton is kept in memory; what a resource sets (tags, properties of a storage account,
        // outputs) is read by the parser for repeated names and syntax only. Its findings are what a full read gives.
        for (String name : List.of("repeated-in-resource-settings.json", "repeated-in-resource-settings-one-line.json")) {
            Path fixture = java.nio.file.Paths.get("src/test/resources/rules/CUA013/fail").resolve(name);
            List<Finding> findings = ArmTemplates.check(fixture, TemplateOptions.defaults());
            assertEquals(List.of("CUA013", "CUA013", "CUA013", "CUA013", "CUA013"),
                    findings.stream().map(Finding::code).collect(Collectors.toList()), findings.toString());
            assertEquals(List.of("owner", "value", "minimumTlsVersion", "properties", "x"), findings.stream()
                    .map(f -> f.message().replaceAll("^The property \"([^\"]+)\".*$", "$1")).collect(Collectors.toList()));
        }
    }

    @Test
    void aTypeWithAnEscapeIsDecodedBeforeItDecidesWhatIsKept() {
        String template = "{\"$schema\": \"" + RG + "\", \"resources\": [{\"type\":"
                + " \"Microsoft.Resources\\/deployments\", \"apiVersion\": \"2025-04-01\", \"name\": \"pid-"
                + ID.guid() + "\", \"properties\": {\"mode\": \"Incremental\", \"template\": {\"resources\": []}}}]}";
        List<Finding> findings = ArmTemplates.check(template.getBytes(StandardCharsets.UTF_8), "mainTemplate.json",
                TemplateRole.MAIN, TemplateOptions.defaults());
        assertEquals(List.of(), findings);
    }
}
