package io.github.partnerattribution.templates;

import static io.github.partnerattribution.templates.Fixtures.ID;
import static io.github.partnerattribution.templates.Fixtures.codes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.partnerattribution.core.PartnerId;
import io.github.partnerattribution.testkit.Corpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real partners' templates: every file checks without an exception, and add round-trips on every main template. */
class CorpusTest {
    static final JsonMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_JAVA_COMMENTS).build();

    @TempDir
    Path dir;

    @Test
    void everyCorpusFileIsCheckedWithoutException() throws IOException {
        List<Path> files = Corpus.files(".json", ".bicep");
        assertTrue(files.size() >= 6, files.toString());
        TemplateOptions withProperties = TemplateOptions.defaults()
                .withProperties(Corpus.root().resolve("weblogic-admin/pid.properties"));
        for (Path file : files) {
            ArmTemplates.check(file);
            ArmTemplates.check(file, withProperties);
        }
    }

    @Test
    void weblogicsBuildPlaceholdersAreReportedThenResolvedWithItsProperties() throws IOException {
        Path main = Corpus.root().resolve("weblogic-admin/mainTemplate.json");
        List<Finding> raw = ArmTemplates.check(main);
        assertEquals(2, codes(raw).stream().filter("CUA010"::equals).count(), raw.toString());
        assertFalse(codes(raw).contains("CUA001"), "undecided, not missing: " + raw);

        TemplateOptions options = TemplateOptions.defaults().withProperties(Corpus.root().resolve("weblogic-admin/pid.properties"));
        List<Finding> resolved = ArmTemplates.check(main, options);
        assertFalse(resolved.stream().anyMatch(f -> f.severity() == Severity.ERROR), resolved.toString());
        assertTrue(codes(resolved).contains("CUA016"), "admin.end is a bare GUID: " + resolved);
        assertEquals(List.of(PartnerId.parse("pid-7e52c2b6-1acb-416f-af55-5837ff783eb7-partnercenter")),
                ArmTemplates.partnerIds(Files.readAllBytes(main), options));
    }

    @Test
    void weblogicsNestedTemplatesHoldNoPartnerTrackingResource() throws IOException {
        TemplateOptions options = TemplateOptions.defaults().withProperties(Corpus.root().resolve("weblogic-admin/pid.properties"));
        for (Path nested : Corpus.files("nestedtemplates/_dbTemplate.json", "nestedtemplates/nsgNestedTemplate.json",
                "nestedtemplates/postDeploymentTemplate.json")) {
            List<Finding> findings = ArmTemplates.check(nested, options);
            assertFalse(codes(findings).contains("CUA003"), nested + ": " + findings);
            assertFalse(codes(findings).contains("CUA001"), nested + ": " + findings);
        }
    }

    @Test
    void avmTelemetryIsNotAMalformedPartnerId() throws IOException {
        List<Finding> findings = ArmTemplates.check(Corpus.root().resolve("avm/sample.telem.bicep"));
        assertEquals(List.of("CUA001", "CUA021"), codes(findings), "AVM telemetry is said so, and no partner id");
    }

    @Test
    void addThenCheckPassesOnEveryMainTemplateAndChangesNothingElse() throws IOException {
        // the main templates: weblogic's mainTemplate.json, ALZ's tenant-scope template, AVM's Bicep telemetry
        for (Path original : List.of(Corpus.file("weblogic-admin/mainTemplate.json"), Corpus.file("alz/mgmtGroups.json"),
                Corpus.file("avm/sample.telem.bicep"))) {
            Path copy = dir.resolve(original.getParent().getFileName().toString()).resolve(original.getFileName());
            Files.createDirectories(copy.getParent());
            Files.write(copy, Files.readAllBytes(original)); // a writable copy: the shared corpus is read-only
            byte[] before = Files.readAllBytes(copy);

            assertTrue(ArmTemplates.add(copy, ID).written(), copy.toString());
            byte[] after = Files.readAllBytes(copy);
            List<Finding> findings = ArmTemplates.check(copy);
            assertFalse(findings.stream().anyMatch(f -> f.severity() == Severity.ERROR), copy + ": " + findings);
            EditTest.assertCommaAndAddedLines(utf8(before), utf8(after));
            assertFalse(ArmTemplates.add(copy, ID).changed(), "a second add changes nothing");
            assertArrayEquals(after, Files.readAllBytes(copy));

            if (copy.toString().endsWith(".json")) {
                assertEquals(List.of(ID), ArmTemplates.partnerIds(after, TemplateOptions.defaults()));
                JsonNode was = JSON.readTree(before);
                JsonNode now = JSON.readTree(after);
                assertEquals(was, withoutTracking(now), copy + " is semantically unchanged but for the added resource");
            }
        }
    }

    @Test
    void addingAtTenantScopeWritesALocation() throws IOException {
        Path copy = dir.resolve("mgmtGroups.json");
        Files.write(copy, Files.readAllBytes(Corpus.root().resolve("alz/mgmtGroups.json"))); // a writable copy
        assertTrue(codes(ArmTemplates.check(copy)).contains("CUA001"));
        ArmTemplates.add(copy, ID);
        assertTrue(utf8(Files.readAllBytes(copy)).contains("\"location\": \"[deployment().location]\""));
    }

    @Test
    void scanClassifiesAndReportsInAllThreeFormats() throws IOException {
        ScanReport report = ArmTemplates.scan(Corpus.root(), TemplateOptions.defaults()
                .withProperties(Corpus.root().resolve("weblogic-admin/pid.properties"))
                .withMainNames(List.of("mgmtGroups.json")));
        Map<String, TemplateRole> roles = new java.util.TreeMap<>();
        report.templates().forEach(t -> roles.put(Corpus.root().relativize(t.file()).toString(), t.role()));
        // Found by content: ALZ's template and the AVM Bicep file are roots that nothing links to, so main.
        assertEquals(Map.of(
                "alz/mgmtGroups.json", TemplateRole.MAIN,
                "avm/sample.telem.bicep", TemplateRole.MAIN,
                "weblogic-admin/mainTemplate.json", TemplateRole.MAIN,
                "weblogic-admin/nestedtemplates/_dbTemplate.json", TemplateRole.NESTED,
                "weblogic-admin/nestedtemplates/nsgNestedTemplate.json", TemplateRole.NESTED,
                "weblogic-admin/nestedtemplates/postDeploymentTemplate.json", TemplateRole.NESTED), roles);
        assertEquals(2, report.count(Severity.ERROR), "CUA001 in ALZ's and in AVM's: " + report.text());

        JsonNode json = JSON.readTree(report.json());
        assertEquals(6, json.get("templates").size());
        assertEquals(2, json.get("summary").get("errors").asInt());

        JsonNode sarif = JSON.readTree(report.sarif());
        assertEquals("2.1.0", sarif.get("version").asText());
        JsonNode run = sarif.get("runs").get(0);
        assertEquals(report.findings().size(), run.get("results").size());
        for (JsonNode result : run.get("results")) {
            String rule = result.get("ruleId").asText();
            assertTrue(ArmTemplates.rules().stream().anyMatch(r -> r.code().equals(rule)), rule);
            JsonNode location = result.get("locations").get(0).get("physicalLocation");
            assertFalse(location.get("artifactLocation").get("uri").asText().startsWith("/"));
            assertTrue(location.get("region").get("startLine").asInt() >= 1);
        }
        assertTrue(report.text().contains("\n6 templates checked, paths relative to " + report.root() + ": 2 errors, "
                + report.count(Severity.WARNING)
                + " warnings, " + report.count(Severity.INFO) + (report.count(Severity.INFO) == 1 ? " note" : " notes")
                + "\n"), report.text());
        // the corpus keeps three of weblogic's nested templates; its links to the five others are each a note
        assertEquals(2, report.linksFollowed(), report.notes().toString());
        assertEquals(5, report.linksUnresolved(), report.notes().toString());
        assertTrue(report.notes().contains("5 links not resolved (each noted above), 2 followed"), report.text());
    }

    /** The tree with the added tracking resource taken out of the top-level resources. */
    static JsonNode withoutTracking(JsonNode template) {
        JsonNode resources = template.get("resources");
        if (resources instanceof ArrayNode) {
            for (Iterator<JsonNode> it = resources.elements(); it.hasNext(); ) {
                if (ID.token().equals(it.next().path("name").asText())) {
                    it.remove();
                }
            }
        } else if (resources instanceof ObjectNode) {
            for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
                if (ID.token().equals(it.next().getValue().path("name").asText())) {
                    it.remove();
                }
            }
        }
        return template;
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
