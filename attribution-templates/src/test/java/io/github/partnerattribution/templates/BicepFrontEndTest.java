package io.github.partnerattribution.templates;

import static io.github.partnerattribution.templates.RemoveKeepsEveryByteTest.OTHER;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bicep read as the language it is, by one lexer and parser: what a comment or a string holds is not code, names are
 * evaluated through variables, a Bicep file and its compiled JSON get the same codes, and edits are made at the
 * tree's positions in any line endings.
 */
class BicepFrontEndTest {
    static final String GUID = Fixtures.ID.guid();
    static final String EMPTY = "  properties: {\n    mode: 'Incremental'\n    template: {\n"
            + "      '$schema': 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#'\n"
            + "      contentVersion: '1.0.0.0'\n      resources: []\n    }\n  }\n}\n";
    static final String STORE = "resource store 'Microsoft.Storage/storageAccounts@2023-01-01' = {\n  name: 'store'\n"
            + "  location: 'westeurope'\n}\n";

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> codes(List<Finding> findings) {
        return findings.stream().map(Finding::code).collect(Collectors.toList());
    }

    // ---- Bicep and its compiled JSON twin: the same error and warning codes

    /** Each Bicep file with its JSON as the Bicep compiler emits it. */
    static final Map<String, String[]> TWINS = Map.of("complete", new String[] {
                "resource pid 'Microsoft.Resources/deployments@2025-04-01' = {\n  name: 'pid-" + GUID + "'\n"
                    + EMPTY.replace("Incremental", "Complete"),
                "{\"type\": \"Microsoft.Resources/deployments\", \"apiVersion\": \"2025-04-01\", \"name\": \"pid-"
                    + GUID + "\", " + JSON_EMPTY().replace("Incremental", "Complete") + "}"},
            "located", new String[] {"param location string = resourceGroup().location\n\nresource pid"
                    + " 'Microsoft.Resources/deployments@2025-04-01' = {\n  name: 'pid-" + GUID + "'\n"
                    + "  location: location\n" + EMPTY,
                "{\"type\": \"Microsoft.Resources/deployments\", \"apiVersion\": \"2025-04-01\", \"name\": \"pid-"
                    + GUID + "\", \"location\": \"[parameters('location')]\", " + JSON_EMPTY() + "}"},
            "twice", new String[] {"resource pid 'Microsoft.Resources/deployments@2025-04-01' = {\n  name: 'pid-"
                    + GUID + "'\n" + EMPTY + "\nresource again 'Microsoft.Resources/deployments@2025-04-01' = {\n"
                    + "  name: 'pid-" + GUID + "'\n" + EMPTY,
                "{\"type\": \"Microsoft.Resources/deployments\", \"apiVersion\": \"2025-04-01\", \"name\": \"pid-"
                    + GUID + "\", " + JSON_EMPTY() + "}, {\"type\": \"Microsoft.Resources/deployments\","
                    + " \"apiVersion\": \"2025-04-01\", \"name\": \"pid-" + GUID + "\", " + JSON_EMPTY() + "}"},

            "tracking", new String[] {"resource pid 'Microsoft.Resources/deployments@2025-04-01' = {\n  name: 'pid-"
                    + GUID + "'\n" + EMPTY,
                "{\"type\": \"Microsoft.Resources/deployments\", \"apiVersion\": \"2025-04-01\", \"name\": \"pid-"
                    + GUID + "\", " + JSON_EMPTY() + "}"},
            "missing", new String[] {STORE,
                "{\"type\": \"Microsoft.Storage/storageAccounts\", \"apiVersion\": \"2023-01-01\", \"name\": \"store\","
                    + " \"location\": \"westeurope\"}"},
            "variable", new String[] {"var telemetryId = 'pid-" + GUID + "'\n\nresource pid"
                    + " 'Microsoft.Resources/deployments@2025-04-01' = {\n  name: telemetryId\n" + EMPTY,
                "{\"type\": \"Microsoft.Resources/deployments\", \"apiVersion\": \"2025-04-01\","
                    + " \"name\": \"[variables('telemetryId')]\", " + JSON_EMPTY() + "}"},
            "bare", new String[] {"param location string = resourceGroup().location\n\nvar telemetryId = '" + GUID
                    + "-${location}'\n\nresource pid 'Microsoft.Resources/deployments@2025-04-01' = {\n"
                    + "  name: telemetryId\n" + EMPTY,
                "{\"type\": \"Microsoft.Resources/deployments\", \"apiVersion\": \"2025-04-01\","
                    + " \"name\": \"[variables('telemetryId')]\", " + JSON_EMPTY() + "}"},
            "conditional", new String[] {"param telemetry bool = true\n\nresource pid"
                    + " 'Microsoft.Resources/deployments@2025-04-01' = if (telemetry) {\n  name: 'pid-" + GUID + "'\n"
                    + EMPTY,
                "{\"condition\": \"[parameters('telemetry')]\", \"type\": \"Microsoft.Resources/deployments\","
                    + " \"apiVersion\": \"2025-04-01\", \"name\": \"pid-" + GUID + "\", " + JSON_EMPTY() + "}"},
            "malformed", new String[] {"resource pid 'Microsoft.Resources/deployments@2025-04-01' = {\n  name: 'pid-"
                    + GUID.substring(0, 35) + "'\n" + EMPTY,
                "{\"type\": \"Microsoft.Resources/deployments\", \"apiVersion\": \"2025-04-01\", \"name\": \"pid-"
                    + GUID.substring(0, 35) + "\", " + JSON_EMPTY() + "}"},
            "ternary", new String[] {"param prod bool = true\n\nresource pid"
                    + " 'Microsoft.Resources/deployments@2025-04-01' = {\n  name: prod ? 'pid-" + GUID + "' : 'x-"
                    + GUID + "'\n" + EMPTY,
                "{\"type\": \"Microsoft.Resources/deployments\", \"apiVersion\": \"2025-04-01\","
                    + " \"name\": \"[if(parameters('prod'), 'pid-" + GUID + "', 'x-" + GUID + "')]\", "
                    + JSON_EMPTY() + "}"});

    private static String JSON_EMPTY() {
        return "\"properties\": {\"mode\": \"Incremental\", \"template\": {\"$schema\":"
                + " \"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#\","
                + " \"contentVersion\": \"1.0.0.0\", \"resources\": []}}";
    }

    /** The JSON the Bicep compiler would emit around one resource, with the Bicep file's parameters and variables. */
    private static String compiled(String bicep, String resource) {
        StringBuilder parameters = new StringBuilder();
        StringBuilder variables = new StringBuilder();
        for (String line : bicep.split("\n")) {
            if (line.startsWith("param location")) {
                parameters.append("\"location\": {\"type\": \"string\", \"defaultValue\":"
                        + " \"[resourceGroup().location]\"}");
            } else if (line.startsWith("param ")) {
                String[] words = line.split(" ");
                parameters.append(parameters.length() == 0 ? "" : ", ").append('"').append(words[1])
                        .append("\": {\"type\": \"bool\", \"defaultValue\": true}");
            } else if (line.startsWith("var telemetryId = '" + GUID + "-")) {
                variables.append("\"telemetryId\": \"[format('" + GUID + "-{0}', parameters('location'))]\"");
            } else if (line.startsWith("var telemetryId")) {
                variables.append("\"telemetryId\": \"pid-" + GUID + "\"");
            }
        }
        return "{\"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#\","
                + " \"contentVersion\": \"1.0.0.0\", \"metadata\": {\"_generator\": {\"name\": \"bicep\"}},"
                + " \"parameters\": {" + parameters + "}, \"variables\": {" + variables + "}, \"resources\": ["
                + resource + "]}";
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tracking", "missing", "variable", "bare", "conditional", "malformed", "ternary", "complete",
        "located", "twice"})
    void aBicepFileAndItsCompiledJsonGetTheSameErrorAndWarningCodes(String twin) throws IOException {
        String[] pair = TWINS.get(twin);
        Path bicep = write(twin + "/main.bicep", pair[0]);
        Path json = write(twin + "-json/mainTemplate.json", compiled(pair[0], pair[1]));
        List<Finding> fromBicep = ArmTemplates.check(bicep, TemplateOptions.defaults());
        List<Finding> fromJson = ArmTemplates.check(json, TemplateOptions.defaults());
        assertEquals(significant(fromJson), significant(fromBicep), "Bicep " + fromBicep + "\nJSON " + fromJson);
    }

    private static TreeSet<String> significant(List<Finding> findings) {
        return findings.stream().filter(f -> f.severity() != Severity.INFO).map(Finding::code)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    // ---- what comments and strings hold is not code

    @Test
    void aTargetScopeWrittenInACommentOrAStringDecidesNothing() throws IOException {
        Path commented = write("a/main.bicep", "// targetScope = 'subscription'\nvar note = 'targetScope ="
                + " \\'subscription\\''\n" + STORE);
        ArmTemplates.add(commented, Fixtures.ID);
        assertFalse(Files.readString(commented).contains("location: deployment().location"),
                "a resource group deployment takes no location");
        Path subscription = write("b/main.bicep", "/* targetScope = 'resourceGroup' */\ntargetScope = 'subscription'\n"
                + "\nresource rg 'Microsoft.Resources/resourceGroups@2022-09-01' = {\n  name: 'rg'\n"
                + "  location: 'westeurope'\n}\n");
        ArmTemplates.add(subscription, Fixtures.ID);
        assertTrue(Files.readString(subscription).contains("location: deployment().location"));
        assertEquals(List.of(), codes(ArmTemplates.check(subscription, TemplateOptions.defaults())));
    }

    @Test
    void addNamesTheResourceWithASymbolNoDeclarationOrImportTakes() throws IOException {
        Path file = write("main.bicep", "import { partnerAttribution } from 'shared.bicep'\n"
                + "type partnerAttribution2 = string\nfunc partnerAttribution3() string => 'x'\n\n" + STORE);
        ArmTemplates.add(file, Fixtures.ID);
        assertTrue(Files.readString(file).contains("resource partnerAttribution4 'Microsoft.Resources/deployments"),
                Files.readString(file));
    }

    @Test
    void aStringThatLooksLikeATrackingResourceIsAString() throws IOException {
        String text = STORE + "\noutput sample string = '''\nresource pid 'Microsoft.Resources/deployments@2025-04-01'"
                + " = {\n  name: 'pid-" + GUID + "'\n}\n'''\n";
        Path file = write("main.bicep", text);
        assertEquals(List.of("CUA001"), codes(ArmTemplates.check(file, TemplateOptions.defaults())));
        assertFalse(ArmTemplates.remove(file, null, TemplateOptions.defaults()).changed(), "nothing to remove");
        TemplateEdit replaced = ArmTemplates.replace(file, OTHER, TemplateOptions.defaults().withDryRun(true));
        assertTrue(replaced.after().startsWith(text),
                "replace adds one, it never edits the string");
        TemplateEdit added = ArmTemplates.add(file, Fixtures.ID);
        assertTrue(added.written(), "there was none, so one is added");
        assertTrue(Files.readString(file).startsWith(text), "the string is untouched");
    }

    // ---- edits in any line endings, byte for byte

    @ParameterizedTest(name = "line ending {index}")
    @ValueSource(strings = {"\n", "\r\n", "\r"})
    void addThenRemoveGivesTheBytesBackInEveryLineEndingWithOrWithoutAFinalBreak(String nl) throws IOException {
        for (boolean finalBreak : new boolean[] {true, false}) {
            String text = ("@description('''\nThe store.\n''')\n" + STORE).replace("\n", nl);
            if (!finalBreak) {
                text = text.substring(0, text.length() - nl.length());
            }
            Path file = write("le" + nl.length() + finalBreak + "/main.bicep", text);
            byte[] before = Files.readAllBytes(file);
            assertTrue(ArmTemplates.add(file, Fixtures.ID).written());
            String added = Files.readString(file);
            if (nl.equals("\n")) {
                assertFalse(added.contains("\r"), "no CR in an LF file");
            } else {
                assertFalse(added.replace("\r\n", "").contains("\n"), "no LF in a " + (nl.equals("\r") ? "CR" : "CRLF")
                        + " file");
            }
            assertEquals(finalBreak, added.endsWith(nl), "a final line break is kept, or not added");
            assertTrue(ArmTemplates.remove(file, Fixtures.ID, TemplateOptions.defaults()).written());
            assertArrayEquals(before, Files.readAllBytes(file), "line ending " + nl.length() + ", final break "
                    + finalBreak + ": " + Files.readString(file));
        }
    }

    @ParameterizedTest(name = "line ending {index}")
    @ValueSource(strings = {"\n", "\r\n"})
    void removeTakesOneLineAndManyLineDecoratorsWithTheDeclaration(String nl) throws IOException {
        String tracking = ("@description('''\nPartner attribution:\nsee the README.\n''')\n@batchSize(1)\n"
                + "resource pid 'Microsoft.Resources/deployments@2025-04-01' = {\n  name: 'pid-" + GUID + "'\n"
                + EMPTY).replace("\n", nl);
        String text = ("param location string\n\n").replace("\n", nl) + tracking + nl + STORE.replace("\n", nl);
        Path file = write("d" + nl.length() + "/main.bicep", text);
        ArmTemplates.remove(file, Fixtures.ID, TemplateOptions.defaults());
        assertEquals(text.replace(tracking + nl, ""), Files.readString(file));
    }

    // ---- a file that ends inside a string or comment is not added to

    @ParameterizedTest(name = "unterminated {index}")
    @ValueSource(strings = {"/* a comment that never ends\n", "var x = '''\nnever closed\n",
        "var x = 'not closed"})
    void addRefusesAFileThatEndsInsideAStringOrComment(String tail) throws IOException {
        String text = STORE + "\n" + tail;
        Path file = write("main.bicep", text);
        TemplateException refused = assertThrows(TemplateException.class, () -> ArmTemplates.add(file, Fixtures.ID));
        assertTrue(refused.getMessage().contains("never closed") && refused.getMessage().contains("Nothing was changed"),
                refused.getMessage());
        assertEquals(text, Files.readString(file));
    }

    // ---- a syntax error is a finding where it stands, and the rest is read

    @Test
    void aSyntaxErrorIsAFindingAndTheRestOfTheFileIsStillRead() throws IOException {
        Path file = write("main.bicep", "param location string = )\n\n" + STORE + "\nresource pid"
                + " 'Microsoft.Resources/deployments@2025-04-01' = {\n  name: 'pid-" + GUID + "'\n" + EMPTY);
        List<Finding> findings = ArmTemplates.check(file, TemplateOptions.defaults());
        assertEquals(List.of("CUA026"), codes(findings), "no CUA001: the tracking resource after the error is read");
        assertEquals(1, findings.get(0).line());
        assertEquals(25, findings.get(0).column());
        assertTrue(findings.get(0).message().contains("expected an expression but found ')'"), findings.toString());
    }

    @Test
    void deepNestingIsOneFindingNotACrash() throws IOException {
        String deep = "var x = " + "[".repeat(10_000) + "\n" + STORE;
        List<Finding> findings = ArmTemplates.check(write("main.bicep", deep), TemplateOptions.defaults());
        assertTrue(findings.stream().anyMatch(f -> f.code().equals("CUA026") && f.message().contains("levels deep")),
                findings.toString());
    }
}
