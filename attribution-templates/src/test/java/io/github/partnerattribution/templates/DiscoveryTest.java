package io.github.partnerattribution.templates;

import static io.github.partnerattribution.templates.Fixtures.ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** scan finds templates by content, follows links at any depth and takes as main the roots nothing links to. */
class DiscoveryTest {
    static final String TENANT = "https://schema.management.azure.com/schemas/2019-08-01/tenantDeploymentTemplate.json#";
    static final String RG = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#";

    @TempDir
    Path dir;

    Path write(String relative, String text) throws IOException {
        return Fixtures.write(dir, relative, text);
    }

    static String json(String schema, String resources) {
        return "{\n  \"$schema\": \"" + schema + "\",\n  \"contentVersion\": \"1.0.0.0\",\n  \"resources\": [\n" + resources
                + "\n  ]\n}\n";
    }

    static String tracking(String location) {
        return "    {\n      \"type\": \"Microsoft.Resources/deployments\",\n      \"apiVersion\": \"2025-04-01\",\n"
                + "      \"name\": \"" + ID.token() + "\",\n" + location + "      \"properties\": { \"mode\": \"Incremental\","
                + " \"template\": { \"resources\": [] } }\n    }";
    }

    static String link(String name, String uriExpression) {
        return "    {\n      \"type\": \"Microsoft.Resources/deployments\",\n      \"apiVersion\": \"2025-04-01\",\n"
                + "      \"name\": \"" + name + "\",\n      \"properties\": { \"mode\": \"Incremental\", \"templateLink\": "
                + uriExpression + " }\n    }";
    }

    Map<String, TemplateRole> roles(ScanReport report) {
        return Fixtures.roles(dir, report);
    }

    @Test
    void aMainTemplateNamedAnyHowIsFoundAndItsLinksFollowedThreeDeep() throws IOException {
        write("contosoArm.json", json(TENANT, tracking("      \"location\": \"[deployment().location]\",\n") + ",\n"
                + link("platform", "{ \"uri\": \"[uri(deployment().properties.templateLink.uri, 'sub/platform.json')]\" }")));
        write("sub/platform.json", json(RG, link("network", "{ \"relativePath\": \"deeper/network.json\" }")));
        write("sub/deeper/network.json", json(RG, link("logs",
                "{ \"uri\": \"[concat(parameters('_artifactsLocation'), 'shared/logs.json', parameters('_artifactsLocationSasToken'))]\" }")));
        write("shared/logs.json", json(RG, tracking("")));
        write("contosoArm.parameters.json", "{ \"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/"
                + "deploymentParameters.json#\", \"contentVersion\": \"1.0.0.0\", \"parameters\": {} }\n");
        ScanReport report = ArmTemplates.scan(dir);
        assertEquals(Map.of("contosoArm.json", TemplateRole.MAIN, "sub/platform.json", TemplateRole.LINKED,
                "sub/deeper/network.json", TemplateRole.LINKED, "shared/logs.json", TemplateRole.LINKED), roles(report));
        List<String> errors = report.findings().stream().filter(f -> f.severity() == Severity.ERROR)
                .map(f -> f.code() + " " + dir.relativize(Path.of(f.file()))).collect(Collectors.toList());
        assertEquals(List.of("CUA003 shared/logs.json"), errors, "the tracking resource three links down is found");
        assertEquals(List.of(), report.notes());
    }

    @Test
    void bicepModulesAnyDeepAndAModuleNamedMainBicepIsLinkedNotMain() throws IOException {
        String trackingBicep = "resource t 'Microsoft.Resources/deployments@2025-04-01' = {\n  name: '" + ID.token() + "'\n"
                + "  properties: {\n    mode: 'Incremental'\n    template: {\n      resources: []\n    }\n  }\n}\n";
        write("main.bicep", "module app 'modules/app/main.bicep' = {\n  name: 'app'\n}\n" + trackingBicep);
        write("modules/app/main.bicep", "module db '../db/db.bicep' = {\n  name: 'db'\n}\n");
        write("modules/db/db.bicep", trackingBicep);
        write("main.json", json(RG, tracking("")));
        ScanReport report = ArmTemplates.scan(dir);
        assertEquals(Map.of("main.bicep", TemplateRole.MAIN, "modules/app/main.bicep", TemplateRole.LINKED,
                "modules/db/db.bicep", TemplateRole.LINKED), roles(report));
        assertTrue(report.findings().stream().anyMatch(f -> f.code().equals("CUA003") && f.file().endsWith("db.bicep")),
                report.text());
        assertEquals(List.of("main.json is compiled from main.bicep, which is checked instead"), report.notes());
    }

    @Test
    void aCycleIsReportedAndEachTemplateCheckedOnce() throws IOException {
        write("a.json", json(RG, link("b", "{ \"relativePath\": \"b.json\" }")));
        write("b.json", json(RG, link("a", "{ \"relativePath\": \"a.json\" }")));
        ScanReport report = ArmTemplates.scan(dir);
        assertEquals(2, report.templates().size());
        assertTrue(report.notes().contains("the templates link in a cycle, a.json -> b.json -> a.json; each was checked"
                + " once"), report.notes().toString());
        assertTrue(report.notes().stream().anyMatch(n -> n.startsWith("found 2 template(s) but no main one")),
                report.notes().toString());
        ScanReport named = ArmTemplates.scan(dir, TemplateOptions.defaults().withMainNames(List.of("a.json")));
        assertEquals(TemplateRole.MAIN, roles(named).get("a.json"));
    }

    @Test
    void aFolderWithoutTemplatesSaysSo() throws IOException {
        write("package.json", "{ \"name\": \"x\" }\n");
        ScanReport report = ArmTemplates.scan(dir);
        assertEquals(List.of(), report.templates());
        assertEquals(List.of("no deployment templates under " + dir + ": 1 JSON file(s) read, none with a $schema ending"
                + " in deploymentTemplate.json, and no .bicep file"), report.notes());
        assertTrue(report.text().contains("note: no deployment templates under"), report.text());
    }

    @Test
    void aBrokenTemplateIsScannedAndItsErrorReportedWhileOtherJsonIsLeftAlone() throws IOException {
        // read once: what names a deployment template's $schema is a template, even when it does not parse
        write("mainTemplate.json", json(RG, tracking("") + ",\n    {\"type\": \"Microsoft.Resources/deployments\","
                + " \"name\": \"x\", \"properties\": {\"templateLink\": {\"relativePath\": \"broken.json\"}}}"));
        write("broken.json", "{ \"$schema\": \"" + RG + "\", \"resources\": [ { \"type\": } ] }\n");
        write("not-a-template.json", "{ \"name\": \"deploymentTemplate.json is only mentioned here\" }\n");
        ScanReport report = ArmTemplates.scan(dir);
        assertEquals(Map.of("broken.json", TemplateRole.LINKED, "mainTemplate.json", TemplateRole.MAIN), roles(report));
        List<String> codes = report.templates().stream().filter(t -> t.file().endsWith("broken.json"))
                .flatMap(t -> t.findings().stream()).map(Finding::code).collect(Collectors.toList());
        assertEquals(List.of("CUA012"), codes);
    }
}
