package io.github.partnerattribution.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code scan --format sarif} writes is SARIF 2.1.0 by the schema, and declares every rule of the catalogue. */
class SarifSchemaTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static JsonSchema schema() throws IOException {
        try (InputStream in = SarifSchemaTest.class.getResourceAsStream("/sarif/sarif-2.1.0.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
        }
    }

    /** A solution with findings of many rules: the rule fixtures that fail, as main and nested templates. */
    static ScanReport scanOfFailingFixtures(Path dir) throws IOException {
        Path fixtures = Paths.get("src/test/resources/rules");
        try (java.util.stream.Stream<Path> all = Files.walk(fixtures)) {
            for (Path f : all.filter(p -> RuleFixturesTest.fixture(p) && RuleFixturesTest.fails(p))
                    .collect(Collectors.toList())) {
                Path target = dir.resolve(fixtures.relativize(f).getName(0).toString()).resolve(
                        f.getFileName().toString().endsWith(".bicep") ? "main.bicep" : "mainTemplate.json");
                Files.createDirectories(target.getParent());
                Files.write(target, Files.readAllBytes(f));
            }
        }
        return ArmTemplates.scan(dir);
    }

    @Test
    void scanOutputValidatesAgainstTheSarifSchema(@TempDir Path dir) throws IOException {
        ScanReport report = scanOfFailingFixtures(dir);
        assertTrue(report.findings().size() >= 10, report.text());
        JsonNode sarif = JSON.readTree(report.sarif());
        Set<ValidationMessage> problems = schema().validate(sarif);
        assertEquals(Set.of(), problems);

        JsonNode rules = sarif.get("runs").get(0).get("tool").get("driver").get("rules");
        assertEquals(ArmTemplates.rules().stream().map(Rule::code).collect(Collectors.toList()),
                java.util.stream.StreamSupport.stream(rules.spliterator(), false).map(r -> r.get("id").asText())
                        .collect(Collectors.toList()), "every rule of the catalogue is declared, in order");
        Set<String> declared = java.util.stream.StreamSupport.stream(rules.spliterator(), false)
                .map(r -> r.get("id").asText()).collect(Collectors.toSet());
        for (JsonNode result : sarif.get("runs").get(0).get("results")) {
            assertTrue(declared.contains(result.get("ruleId").asText()), result.toString());
        }
    }

    /** The check can fail: the same output without its version is not SARIF. */
    @Test
    void theSchemaRejectsOutputThatIsNotSarif(@TempDir Path dir) throws IOException {
        ObjectNode sarif = (ObjectNode) JSON.readTree(scanOfFailingFixtures(dir).sarif());
        sarif.remove("version");
        ((ObjectNode) sarif.get("runs").get(0).get("results").get(0)).put("level", "fatal");
        assertFalse(schema().validate(sarif).isEmpty());
    }
}
