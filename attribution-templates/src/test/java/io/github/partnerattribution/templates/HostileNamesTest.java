package io.github.partnerattribution.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * File names come from the disk: in text they are escaped for a terminal, in JSON they are strings that parse back
 * to the name, in SARIF they are references relative to %SRCROOT% that decode to the same name.
 */
class HostileNamesTest {
    static final List<String> NAMES = List.of(
            "evil\u001b]0;pwned\u0007\u001b[31mRED.json",
            "line\nerror CUA999 forged.json",
            "carriage\rreturn.json",
            "quote\"back\\slash.json",
            "caf\u00e9 100%.json");

    @TempDir
    Path dir;

    ScanReport scan() throws IOException {
        // a main template without its tracking resource: every file gets a finding that names it
        String template = "{\"$schema\":\"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#\","
                + "\"contentVersion\":\"1.0.0.0\",\"resources\":[]}";
        for (String name : NAMES) {
            Files.write(dir.resolve(name), template.getBytes(StandardCharsets.UTF_8));
        }
        return ArmTemplates.scan(dir, TemplateOptions.defaults().withMainNames(NAMES));
    }

    @Test
    void textEscapesEveryControlCharacterSoNoLineIsForged() throws IOException {
        String text = scan().text();
        assertTrue(text.chars().noneMatch(c -> c == 0x1b || c == 0x07 || c == '\r'), text);
        assertFalse(text.lines().anyMatch(l -> l.startsWith("error CUA999")), text);
        assertTrue(text.contains("evil\\u001B]0;pwned\\u0007\\u001B[31mRED.json"), text);
        assertTrue(text.contains("line\\u000Aerror CUA999 forged.json"), text);
        long findingLines = text.lines().filter(l -> l.startsWith("  ")).count();
        assertEquals(scan().findings().size(), findingLines, text);
    }

    @Test
    void jsonParsesBackToTheNames() throws IOException {
        JsonNode json = new ObjectMapper().readTree(scan().json());
        Set<String> files = new TreeSet<>();
        for (JsonNode t : json.get("templates")) {
            files.add(t.get("file").asText());
            for (JsonNode finding : t.get("findings")) {
                assertEquals(t.get("file").asText(), finding.get("file").asText(),
                        "a finding's file is relative to the scanned folder, as its template's is");
            }
        }
        assertEquals(new TreeSet<>(NAMES), files);
        assertTrue(json.get("templates").findValues("findings").stream().anyMatch(f -> f.size() > 0));
    }

    @Test
    void sarifUrisDecodeToTheNamesRelativeToSrcroot() throws IOException {
        JsonNode sarif = new ObjectMapper().readTree(scan().sarif());
        JsonNode run = sarif.get("runs").get(0);
        assertFalse(run.get("originalUriBaseIds").get("SRCROOT").has("uri"), "no absolute path of this machine");
        List<String> decoded = new ArrayList<>();
        for (JsonNode result : run.get("results")) {
            JsonNode location = result.get("locations").get(0).get("physicalLocation").get("artifactLocation");
            assertEquals("SRCROOT", location.get("uriBaseId").asText());
            String uri = location.get("uri").asText();
            URI parsed = URI.create(uri); // a valid RFC 3986 reference, or this throws
            assertFalse(parsed.isAbsolute(), uri);
            assertFalse(uri.contains("\\"), uri);
            decoded.add(parsed.getPath());
        }
        assertEquals(new TreeSet<>(NAMES), new TreeSet<>(decoded));
        assertTrue(decoded.contains("quote\"back\\slash.json"), decoded.toString());
    }
}
