package io.github.partnerattribution.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Deployment names as real templates write them, judged in full (every code and message, not one rule's): values
 * loaded from files in Bicep, names chosen by {@code if}, and {@code pid-} after other text. The fixtures are the
 * rule fixtures under {@code src/test/resources/rules}.
 */
class NamesAsWrittenTest {
    static final Path RULES = Paths.get("src/test/resources/rules");
    static final String GUID = "1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d";

    @TempDir
    Path dir;

    static List<Finding> check(String fixture) throws IOException {
        return ArmTemplates.check(RULES.resolve(fixture), TemplateOptions.defaults());
    }

    static List<String> codes(List<Finding> findings) {
        return findings.stream().map(Finding::code).collect(Collectors.toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"load-text-content.bicep", "load-json-content.bicep", "load-json-path.bicep",
            "load-text-guid.bicep"})
    void aGuidLoadedFromAFileBesideTheBicepFileResolvesAndIsClean(String name) throws IOException {
        assertEquals(List.of(), check("CUA009/pass/" + name));
    }

    @Test
    void aLoadedValueThatIsMalformedIsMalformedNotUnresolved() throws IOException {
        List<Finding> findings = check("CUA002/fail/loaded-malformed.bicep");
        assertEquals(List.of("CUA002"), codes(findings));
        assertTrue(findings.get(0).message().contains("pid-1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5"), findings.toString());
    }

    @Test
    void aMissingFileOrPathIsUnresolvedWithTheReasonNeverMalformed() throws IOException {
        List<Finding> missingFile = check("CUA009/fail/loaded-file-missing.bicep");
        assertEquals(List.of("CUA009"), codes(missingFile));
        assertTrue(missingFile.get(0).message().contains("(config/missing.json is not there)"), missingFile.toString());
        List<Finding> missingPath = check("CUA009/fail/loaded-path-missing.bicep");
        assertEquals(List.of("CUA009"), codes(missingPath));
        assertTrue(missingPath.get(0).message().contains(
                "config/telemetry.json has no customerUsageAttribution.modules.storage"), missingPath.toString());
    }

    @Test
    void aLoadedFileThatIsNotUtf8OrTooLargeIsNotReadAndSaysSo() throws IOException {
        Path bicep = dir.resolve("main.bicep");
        Files.write(bicep, ("var t = loadJsonContent('t.json')\n\nresource r 'Microsoft.Resources/deployments@2025-04-01'"
                + " = {\n  name: 'pid-${t.id}'\n  properties: {\n    mode: 'Incremental'\n    template: {\n"
                + "      resources: []\n    }\n  }\n}\n").getBytes(StandardCharsets.UTF_8));
        Files.write(dir.resolve("t.json"), new byte[] {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xE9, '"', '}'});
        List<Finding> notUtf8 = ArmTemplates.check(bicep, TemplateOptions.defaults());
        assertEquals(List.of("CUA009"), codes(notUtf8));
        assertTrue(notUtf8.get(0).message().contains("t.json is not UTF-8 (byte offset 7)"), notUtf8.toString());

        byte[] big = new byte[1024 * 1024 + 1];
        java.util.Arrays.fill(big, (byte) ' ');
        big[0] = '{';
        big[big.length - 1] = '}';
        Files.write(dir.resolve("t.json"), big);
        List<Finding> tooLarge = ArmTemplates.check(bicep, TemplateOptions.defaults());
        assertTrue(tooLarge.get(0).message().contains("t.json is over 1048576 bytes"), tooLarge.toString());
    }

    @Test
    void eachBranchOfAnIfIsJudgedOnItsOwnAndTheFindingSaysWhichBranch() throws IOException {
        List<Finding> findings = check("CUA002/fail/if-one-branch-malformed.json");
        assertEquals(List.of("CUA002", "CUA015"), codes(findings), findings.toString());
        assertTrue(findings.get(0).message().startsWith("When parameters('telemetry') is false, the tracking"
                + " resource's name \"pid-1b2c3d4e\" holds a malformed GUID"), findings.get(0).message());

        List<Finding> ternary = check("CUA002/fail/ternary.bicep");
        assertEquals(List.of("CUA002"), codes(ternary), ternary.toString());
        assertTrue(ternary.get(0).message().startsWith("When telemetry is false, "), ternary.get(0).message());
    }

    @Test
    void anIfWhoseBranchesAreBothTrackingIsOneResourceWithNothingMissingOrDuplicated() throws IOException {
        assertEquals(List.of("CUA015"), codes(check("CUA011/pass/if-same-name-both-branches.json")));
        assertEquals(List.of("CUA015"), codes(check("CUA002/pass/if-both-branches.json")));
    }

    @Test
    void textBeforePidIsReportedAndTheMainTemplateIsMissingItsTrackingWhenTheTextIsKnown() throws IOException {
        List<Finding> literal = check("CUA020/fail/literal-prefix.json");
        assertEquals(List.of("CUA001", "CUA020"), codes(literal), literal.toString());
        assertTrue(literal.get(1).message().contains("(it reads \"contoso-pid-1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d\","
                + " ? standing for what is known only when deploying): text stands before pid-, so attribution does"
                + " not count it."), literal.get(1).message());

        // '-pid-' after a parameter: whatever the parameter is, '-' stands before pid-
        List<Finding> parameter = check("CUA020/fail/parameter-prefix.json");
        assertEquals(List.of("CUA001", "CUA020"), codes(parameter), parameter.toString());
        assertTrue(parameter.get(1).message().contains("it reads \"?-pid-1b2c3d4e"), parameter.toString());

        // only a parameter before pid-: it may be empty, so a warning, and the template is not called untracked
        List<Finding> unknown = check("CUA020/fail/unknown-before-pid.json");
        assertEquals(List.of("CUA020"), codes(unknown), unknown.toString());
        assertTrue(unknown.get(0).message().contains("starts with pid- only if they are empty"), unknown.toString());

        List<Finding> bicep = check("CUA020/fail/main.bicep");
        assertEquals(List.of("CUA001", "CUA020"), codes(bicep), bicep.toString());
        assertTrue(bicep.get(1).message().contains("it reads \"?-pid-1b2c3d4e"), bicep.toString());

        List<Finding> branch = check("CUA020/fail/if-branch-with-prefix.json");
        assertTrue(branch.stream().anyMatch(f -> f.code().equals("CUA020")
                && f.message().startsWith("When parameters('telemetry') is false, ")), branch.toString());
        assertFalse(codes(branch).contains("CUA001"), branch.toString());
    }

    @Test
    void aWrapperModuleInBicepIsSaidToBeAWrapper() throws IOException {
        assertEquals(List.of("CUA001", "CUA019"), codes(check("CUA019/fail/main.bicep")));
    }

    @Test
    void ifBranchesAreBoundedSoAHugeNestOfIfsIsUnresolvedNotExponential() throws IOException {
        StringBuilder name = new StringBuilder("'pid-" + GUID + "'");
        for (int i = 0; i < 12; i++) {
            name = new StringBuilder("if(parameters('p" + i + "'), " + name + ", " + name + ")");
        }
        String template = "{\"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate"
                + ".json#\", \"resources\": [{\"type\": \"Microsoft.Resources/deployments\", \"apiVersion\":"
                + " \"2025-04-01\", \"name\": \"[" + name + "]\", \"properties\": {\"mode\": \"Incremental\","
                + " \"template\": {\"resources\": []}}}]}";
        List<Finding> findings = ArmTemplates.check(template.getBytes(StandardCharsets.UTF_8), "mainTemplate.json",
                TemplateRole.MAIN, TemplateOptions.defaults());
        assertEquals(List.of("CUA009"), codes(findings), findings.toString());
    }
}
