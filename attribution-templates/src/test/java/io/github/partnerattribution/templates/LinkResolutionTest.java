package io.github.partnerattribution.templates;

import static io.github.partnerattribution.templates.DiscoveryTest.RG;
import static io.github.partnerattribution.templates.DiscoveryTest.json;
import static io.github.partnerattribution.templates.DiscoveryTest.link;
import static io.github.partnerattribution.templates.DiscoveryTest.tracking;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Links as real solutions write them, through variables, parameter prefixes and parameter values, are followed the
 * way ARM would follow them, so a linked template is never taken for a main one; what cannot be followed is a note.
 */
class LinkResolutionTest {
    @TempDir
    Path dir;

    Path write(String relative, String text) throws IOException {
        return Fixtures.write(dir, relative, text);
    }

    /** A template with top-level variables and parameters (JSON object bodies, may be empty) and resources. */
    static String template(String parameters, String variables, String resources) {
        return "{\n  \"$schema\": \"" + RG + "\",\n  \"contentVersion\": \"1.0.0.0\",\n  \"parameters\": {" + parameters
                + "},\n  \"variables\": {" + variables + "},\n  \"resources\": [\n" + resources + "\n  ]\n}\n";
    }

    static String uri(String expression) {
        return "{ \"uri\": \"" + expression + "\" }";
    }

    static final String ARTIFACTS = "\"_artifactsLocation\": { \"type\": \"string\", \"defaultValue\":"
            + " \"[deployment().properties.templateLink.uri]\" }, \"_artifactsLocationSasToken\": { \"type\":"
            + " \"securestring\", \"defaultValue\": \"\" }";

    /** A linked template: no tracking resource, so it would get CUA001 if it were taken for a main one. */
    static final String PLAIN = json(RG, "    { \"type\": \"Microsoft.Storage/storageAccounts\", \"apiVersion\":"
            + " \"2023-01-01\", \"name\": \"s\", \"location\": \"westeurope\" }");

    Map<String, TemplateRole> roles(ScanReport report) {
        return Fixtures.roles(dir, report);
    }

    static List<String> errors(ScanReport report) {
        return report.findings().stream().filter(f -> f.severity() == Severity.ERROR).map(f -> f.code() + " " + f.file())
                .collect(Collectors.toList());
    }

    @Test
    void aLinkHeldInAnObjectVariableIsFollowed() throws IOException {
        write("solution.json", template("", "\"uris\": { \"mgmt\": \"[uri(deployment().properties.templateLink.uri,"
                + " 'managementGroupTemplates/mgmt.json')]\" }", tracking("") + ",\n"
                + link("mgmt", uri("[variables('uris').mgmt]"))));
        write("managementGroupTemplates/mgmt.json", PLAIN);
        ScanReport report = ArmTemplates.scan(dir);
        assertEquals(Map.of("solution.json", TemplateRole.MAIN, "managementGroupTemplates/mgmt.json",
                TemplateRole.LINKED), roles(report), report.text());
        assertEquals(List.of(), errors(report), report.text());
        assertEquals(List.of(), report.notes());
    }

    @Test
    void aLinkHeldInAStringVariableBuiltFromTheArtifactsLocationIsFollowed() throws IOException {
        write("azuredeploy.json", template(ARTIFACTS, "\"prepUrl\": \"[concat(parameters('_artifactsLocation'),"
                + " '/nested/prep.json', parameters('_artifactsLocationSasToken'))]\"", tracking("") + ",\n"
                + link("prep", uri("[variables('prepUrl')]"))));
        write("nested/prep.json", PLAIN);
        ScanReport report = ArmTemplates.scan(dir);
        assertEquals(TemplateRole.LINKED, roles(report).get("nested/prep.json"), report.text());
        assertEquals(List.of(), errors(report), report.text());
    }

    @Test
    void aLiteralPathAfterParameterPrefixesIsMatchedAgainstTheTree() throws IOException {
        write("examples/quickstart/azuredeploy.json", template("\"templateBaseUrl\": { \"type\": \"string\" },"
                + " \"artifactLocation\": { \"type\": \"string\", \"defaultValue\": \"\" }", "", tracking("") + ",\n"
                + link("network", uri("[concat(parameters('templateBaseUrl'), parameters('artifactLocation'),"
                        + " 'modules/network/network.json')]"))));
        write("examples/modules/network/network.json", PLAIN);
        ScanReport report = ArmTemplates.scan(dir);
        assertEquals(TemplateRole.LINKED, roles(report).get("examples/modules/network/network.json"), report.text());
        assertEquals(List.of(), errors(report), report.text());
        assertEquals(List.of(), report.notes());
    }

    @Test
    void inARepositoryOfSolutionsTheNearestFolderAboveThatHoldsThePathWins() throws IOException {
        for (String solution : List.of("alpha", "beta")) {
            write(solution + "/quickstart/azuredeploy.json", template("\"base\": { \"type\": \"string\" }", "",
                    tracking("") + ",\n" + link("network", uri("[concat(parameters('base'), 'modules/network.json')]"))));
            write(solution + "/modules/network.json", PLAIN);
        }
        ScanReport report = ArmTemplates.scan(dir);
        assertEquals(Map.of("alpha/quickstart/azuredeploy.json", TemplateRole.MAIN, "alpha/modules/network.json",
                TemplateRole.LINKED, "beta/quickstart/azuredeploy.json", TemplateRole.MAIN, "beta/modules/network.json",
                TemplateRole.LINKED), roles(report), report.text());
        assertEquals(List.of(), report.notes(), "each solution's own module, not one of two");
        assertEquals(2, report.linksFollowed());
    }

    @Test
    void severalFilesMatchingTheSuffixAreEachATargetAndTheNoteSaysSo() throws IOException {
        write("app/azuredeploy.json", template("\"base\": { \"type\": \"string\" }", "", tracking("") + ",\n"
                + link("network", uri("[concat(parameters('base'), 'network/network.json')]"))));
        write("one/network/network.json", PLAIN);
        write("two/network/network.json", PLAIN);
        ScanReport report = ArmTemplates.scan(dir);
        assertEquals(TemplateRole.LINKED, roles(report).get("one/network/network.json"), report.text());
        assertEquals(TemplateRole.LINKED, roles(report).get("two/network/network.json"), report.text());
        assertEquals(List.of(), errors(report), report.text());
        assertTrue(report.notes().stream().anyMatch(n -> n.startsWith("app/azuredeploy.json:") && n.contains("may be"
                + " any of 2 files") && n.contains("one/network/network.json") && n.contains("two/network/network.json")),
                report.notes().toString());
    }

    @Test
    void aNameBuiltFromAParameterWithAllowedValuesLinksEachValue() throws IOException {
        write("azuredeploy.json", template("\"baseUrl\": { \"type\": \"string\" }, \"vnetNewOrExisting\": { \"type\":"
                + " \"string\", \"defaultValue\": \"new\", \"allowedValues\": [\"new\", \"existing\"] }", "",
                tracking("") + ",\n" + link("vnet", uri("[concat(parameters('baseUrl'), '/vnet-',"
                        + " parameters('vnetNewOrExisting'), '.json')]"))));
        write("vnet-new.json", PLAIN);
        write("vnet-existing.json", PLAIN);
        ScanReport report = ArmTemplates.scan(dir);
        assertEquals(Map.of("azuredeploy.json", TemplateRole.MAIN, "vnet-new.json", TemplateRole.LINKED,
                "vnet-existing.json", TemplateRole.LINKED), roles(report), report.text());
        assertEquals(List.of(), report.notes(), "every allowed value resolved");
    }

    @Test
    void aNameBuiltFromAFreeParameterMatchesThePatternBesideTheLinkingTemplate() throws IOException {
        write("azuredeploy.json", template("\"publicIPNewOrExisting\": { \"type\": \"string\" }", "",
                tracking("") + ",\n" + link("ip", uri("[uri(deployment().properties.templateLink.uri,"
                        + " concat('publicIP-', parameters('publicIPNewOrExisting'), '.json'))]"))));
        write("publicIP-new.json", PLAIN);
        write("publicIP-existing.json", PLAIN);
        write("other/publicIP-none.json", PLAIN); // not beside the linking template
        ScanReport report = ArmTemplates.scan(dir);
        assertEquals(TemplateRole.LINKED, roles(report).get("publicIP-new.json"), report.text());
        assertEquals(TemplateRole.LINKED, roles(report).get("publicIP-existing.json"), report.text());
        assertEquals(TemplateRole.MAIN, roles(report).get("other/publicIP-none.json"), report.text());
        assertTrue(report.notes().stream().anyMatch(n -> n.startsWith("azuredeploy.json:") && n.contains("publicIP-*.json")
                && n.contains("may be any of 2 files")), report.notes().toString());
    }

    @Test
    void aPathFromVariablesIntoSubfoldersIsFollowed() throws IOException {
        write("azuredeploy.json", template(ARTIFACTS, "\"dnsFolder\": \"dns\", \"createDnsTemplate\":"
                + " \"[if(equals(parameters('_artifactsLocationSasToken'), ''), 'create.json', 'create.json')]\"",
                tracking("") + ",\n" + link("dns", uri("[uri(parameters('_artifactsLocation'), concat('nestedtemplates/',"
                        + " variables('dnsFolder'), '/', variables('createDnsTemplate'),"
                        + " parameters('_artifactsLocationSasToken')))]"))));
        write("nestedtemplates/dns/create.json", PLAIN);
        ScanReport report = ArmTemplates.scan(dir);
        assertEquals(TemplateRole.LINKED, roles(report).get("nestedtemplates/dns/create.json"), report.text());
        assertEquals(List.of(), errors(report), report.text());
    }

    @Test
    void aRelativePathWrittenAsAnExpressionIsFollowed() throws IOException {
        write("azuredeploy.json", template("", "\"kind\": \"web\"", tracking("") + ",\n"
                + link("app", "{ \"relativePath\": \"[concat('apps/', variables('kind'), '.json')]\" }")));
        write("apps/web.json", PLAIN);
        ScanReport report = ArmTemplates.scan(dir);
        assertEquals(TemplateRole.LINKED, roles(report).get("apps/web.json"), report.text());
    }

    @Test
    void everyLinkThatIsNotResolvedIsANoteWithItsLineTheExpressionAndTheCount() throws IOException {
        write("azuredeploy.json", template("\"where\": { \"type\": \"string\" }", "", tracking("") + ",\n"
                + link("gone", uri("[concat(parameters('where'), 'missing/gone.json')]")) + ",\n"
                + link("free", uri("[parameters('where')]")) + ",\n"
                + link("far", uri("https://example.com/templates/far.json"))));
        ScanReport report = ArmTemplates.scan(dir);
        List<String> notes = report.notes();
        assertTrue(notes.stream().anyMatch(n -> n.matches("azuredeploy\\.json:\\d+: .*\\[concat\\(parameters\\('where'\\),"
                + " 'missing/gone\\.json'\\)\\].* not resolved.*")), notes.toString());
        assertTrue(notes.stream().anyMatch(n -> n.contains("[parameters('where')]") && n.contains("not resolved")),
                notes.toString());
        assertTrue(notes.stream().anyMatch(n -> n.contains("https://example.com/templates/far.json")
                && n.contains("outside the scanned folder")), notes.toString());
        assertTrue(notes.contains("3 links not resolved (each noted above), 0 followed"), notes.toString());
        assertTrue(report.text().contains("note: 3 links not resolved"), report.text());
        assertTrue(report.json().matches("(?s).*\"unresolvedLinks\" ?: ?3\\b.*"), report.json());
        assertEquals(3, report.linksUnresolved());
    }

    @Test
    void anUnresolvedLineNumberPointsAtTheLink() throws IOException {
        write("azuredeploy.json", template("\"where\": { \"type\": \"string\" }", "", tracking("") + ",\n"
                + link("gone", uri("[parameters('where')]"))));
        ScanReport report = ArmTemplates.scan(dir);
        List<String> lines = Files.readAllLines(dir.resolve("azuredeploy.json"));
        int line = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("[parameters('where')]")) {
                line = i + 1;
            }
        }
        int expected = line;
        assertTrue(report.notes().stream().anyMatch(n -> n.startsWith("azuredeploy.json:" + expected + ":")),
                report.notes() + " at line " + expected);
    }

    @Test
    void bicepModulesFromARegistryAreNotedNotFollowed() throws IOException {
        write("main.bicep", "module net 'br/public:avm/res/network/virtual-network:0.5.0' = {\n  name: 'net'\n}\n"
                + "module app './app.bicep' = [for i in range(0, 2): {\n  name: 'app${i}'\n}]\n");
        write("app.bicep", "param location string = 'westeurope'\n// module fake 'commented-out.bicep' = {}\n"
                + "module gone './modules/gone.bicep' = {\n  name: 'gone'\n}\n");
        ScanReport report = ArmTemplates.scan(dir);
        assertEquals(TemplateRole.LINKED, roles(report).get("app.bicep"), report.text());
        assertTrue(report.notes().stream().anyMatch(n -> n.startsWith("main.bicep:1:") && n.contains("registry")),
                report.notes().toString());
        assertTrue(report.notes().contains("app.bicep:3: the module ./modules/gone.bicep was not resolved: no template"
                + " modules/gone.bicep in the scanned folder"), report.notes().toString());
        assertEquals(2, report.linksUnresolved(), "the registry module and the missing one; the commented one is none");
    }

    @Test
    void samplesAndTestsThatCallModulesAreEntryPointsNotMainAndTheirModulesKeepTheirRole() throws IOException {
        String trackingBicep = "resource t 'Microsoft.Resources/deployments@2025-04-01' = {\n  name: '"
                + Fixtures.ID.token() + "'\n  properties: {\n    mode: 'Incremental'\n    template: {\n"
                + "      resources: []\n    }\n  }\n}\n";
        write("modules/storage/main.bicep", "param name string\n" + trackingBicep);
        write("modules/storage/tests/defaults.test.bicep", "module s '../main.bicep' = {\n  name: 's'\n}\n");
        write("samples/basic/main.bicep", "module s '../../modules/storage/main.bicep' = {\n  name: 's'\n}\n");
        // a sample may carry its own tracking resource: it is no nested or linked template
        write("deploy.sample.bicep", "module s 'modules/storage/main.bicep' = {\n  name: 's'\n}\n" + trackingBicep);
        // JSON too: a test deployment under tests/ that links a module
        write("modules/network/network.json", PLAIN);
        write("tests/e2e/azuredeploy.json", json(RG, link("net", "{ \"relativePath\": \"../../modules/network/network.json\" }")));
        ScanReport report = ArmTemplates.scan(dir);
        // what only samples and tests call is their helper: no main template, so no CUA001 and no CUA003
        assertEquals(Map.of("modules/storage/main.bicep", TemplateRole.HELPER,
                "modules/storage/tests/defaults.test.bicep", TemplateRole.SAMPLE,
                "samples/basic/main.bicep", TemplateRole.SAMPLE, "deploy.sample.bicep", TemplateRole.SAMPLE,
                "modules/network/network.json", TemplateRole.HELPER, "tests/e2e/azuredeploy.json", TemplateRole.SAMPLE),
                roles(report), report.text());
        assertEquals(List.of(), errors(report), report.text());
        assertTrue(report.notes().contains("4 samples and tests that call modules set aside as entry points, and 2"
                + " helpers (in their folders, or called only by them): none is a main template, so none needs a"
                + " tracking resource; name one with --main to check it as the main template; outside their folders:"
                + " modules/network/network.json (called by tests/e2e/azuredeploy.json), modules/storage/main.bicep"
                + " (called by deploy.sample.bicep)"), report.notes().toString());
        ScanReport named = ArmTemplates.scan(dir, TemplateOptions.defaults().withMainNames(List.of("samples/basic/main.bicep")));
        assertEquals(TemplateRole.MAIN, roles(named).get("samples/basic/main.bicep"), named.text());
        assertEquals(TemplateRole.LINKED, roles(named).get("modules/storage/main.bicep"), named.text());
    }

    @Test
    void aBicepFileOfOnlyTypesAndFunctionsIsNotATemplateAndTakesNoTrackingResource() throws IOException {
        String types = "@export()\ntype sku = 'Standard_LRS' | 'Premium_LRS'\n\n@export()\nfunc name(p string) string =>"
                + " '${p}x'\n";
        Path file = write("types.bicep", types);
        write("main.bicep", "import { sku } from 'types.bicep'\nparam s sku = 'Standard_LRS'\n"
                + "resource t 'Microsoft.Resources/deployments@2025-04-01' = {\n  name: '" + Fixtures.ID.token()
                + "'\n  properties: {\n    mode: 'Incremental'\n    template: {\n      resources: []\n    }\n  }\n}\n");
        ScanReport report = ArmTemplates.scan(dir);
        assertEquals(Map.of("main.bicep", TemplateRole.MAIN), roles(report), report.text());
        assertTrue(report.notes().contains("types.bicep only declares types or functions (no resource, module or"
                + " output): it is a library other files import, not a deployable template, so it was not checked"),
                report.notes().toString());
        TemplateException refused = org.junit.jupiter.api.Assertions.assertThrows(TemplateException.class,
                () -> ArmTemplates.add(file, Fixtures.ID));
        assertTrue(refused.getMessage().contains("not a deployable template") && refused.getMessage()
                .contains("Nothing was changed"), refused.getMessage());
        assertEquals(types, Files.readString(file));
    }

    @Test
    void checkWithMainMakesTheFileAMainTemplate() throws IOException {
        Path file = write("nestedtemplates/solution.json", PLAIN);
        ScanReport plain = ArmTemplates.checkAll(List.of(file), TemplateOptions.defaults());
        assertEquals(TemplateRole.NESTED, plain.templates().get(0).role());
        ScanReport byName = ArmTemplates.checkAll(List.of(file), TemplateOptions.defaults()
                .withMainNames(List.of("solution.json")));
        assertEquals(TemplateRole.MAIN, byName.templates().get(0).role());
        assertTrue(Fixtures.codes(byName.findings()).contains("CUA001"), byName.text());
        ScanReport byPath = ArmTemplates.checkAll(List.of(file), TemplateOptions.defaults()
                .withMainNames(List.of(file.toString())));
        assertEquals(TemplateRole.MAIN, byPath.templates().get(0).role());
    }
}
