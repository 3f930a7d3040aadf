package io.github.partnerattribution.templates;

import static io.github.partnerattribution.templates.Fixtures.ID;
import static io.github.partnerattribution.templates.Fixtures.RG;
import static io.github.partnerattribution.templates.Fixtures.storage;
import static io.github.partnerattribution.templates.Fixtures.template;
import static io.github.partnerattribution.templates.Fixtures.tracking;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.partnerattribution.templates.internal.DeploymentApiVersions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What arm-ttk and Partner Center would say before upload, and the right id in the right offer (issue 35). */
class MarketplaceGateTest {
    @TempDir
    Path dir;

    static TemplateOptions on(String day) {
        return TemplateOptions.defaults().withClock(Clock.fixed(Instant.parse(day + "T23:59:59Z"), ZoneOffset.UTC));
    }

    static List<Finding> cua029(String apiVersion, TemplateOptions options) {
        String json = template(RG, "", storage(), tracking(ID.token(), "").replace("2025-04-01", apiVersion));
        return Fixtures.check(json, TemplateRole.MAIN, options).stream().filter(f -> f.code().equals("CUA029"))
                .collect(Collectors.toList());
    }

    @Test
    void anApiVersionIsTooOldTheDayAfterItTurns730DaysOldByTheClockOfTheCheck() {
        LocalDate version = LocalDate.parse("2022-09-01");
        String day730 = version.plusDays(730).toString();
        String day731 = version.plusDays(731).toString();
        assertEquals(List.of(), cua029("2022-09-01", on(day730)), "730 days old passes, as arm-ttk judges");
        List<Finding> late = cua029("2022-09-01", on(day731));
        assertEquals(1, late.size(), late.toString());
        assertEquals(Severity.WARNING, late.get(0).severity());
        assertTrue(late.get(0).message().contains("2022-09-01 is 731 days old on " + day731), late.toString());
        assertTrue(late.get(0).message().contains("The newest stable one is " + DeploymentApiVersions.NEWEST),
                late.toString());
        assertTrue(late.get(0).hint().contains("attribution template api-version"), late.get(0).hint());
        // the machine's own date plays no part: ten years on, the same template and clock give the same answer
        assertEquals(List.of(), cua029("2022-09-01", on(day730)));
    }

    @Test
    void theNewestStableVersionIsNeverTooOldAndItIsWhatAddWrites() throws IOException {
        assertEquals(List.of(), cua029(DeploymentApiVersions.NEWEST, on("2040-01-01")));
        assertEquals(List.of(), cua029("2099-01-01", on("2040-01-01")), "a version newer than this release knows");
        assertEquals(DeploymentApiVersions.NEWEST, TemplateOptions.DEFAULT_API_VERSION);
        List<String> stable = DeploymentApiVersions.STABLE;
        assertEquals(DeploymentApiVersions.NEWEST, stable.get(stable.size() - 1));
        assertEquals(stable.stream().sorted().collect(Collectors.toList()), stable, "oldest first");
        Path file = Fixtures.write(dir, "mainTemplate.json", template(RG, "", storage()));
        ArmTemplates.add(file, ID);
        assertTrue(read(file).contains("\"apiVersion\": \"" + DeploymentApiVersions.NEWEST + "\""), read(file));
    }

    @Test
    void setApiVersionRewritesOnlyTheTrackingDeploymentsVersionInJson() throws IOException {
        String original = template(RG, "", storage().replace("2023-01-01", "2021-04-01"),
                "{\r\n      \"type\": \"Microsoft.Resources/deployments\",  \"apiVersion\" :\"2020-06-01\", \"name\":"
                        + " \"" + ID.token() + "\", \"properties\": { \"mode\": \"Incremental\", \"template\": {"
                        + " \"$schema\": \"" + RG + "\", \"contentVersion\": \"1.0.0.0\", \"resources\": [] } } }");
        Path file = Fixtures.write(dir, "mainTemplate.json", original);
        TemplateEdit edit = ArmTemplates.setApiVersion(file, on("2026-12-06"));
        assertTrue(edit.changed());
        assertEquals(original.replace("\"2020-06-01\"", "\"" + DeploymentApiVersions.NEWEST + "\""), read(file),
                "one string changed, the storage account's 2021-04-01 and every other byte kept");
        assertFalse(ArmTemplates.setApiVersion(file, TemplateOptions.defaults()).changed(), "a second run changes nothing");
        TemplateEdit older = ArmTemplates.setApiVersion(file, TemplateOptions.defaults().withApiVersion("2019-10-01")
                .withDryRun(true));
        assertTrue(older.changed() && !older.written(), "Azure Stack Hub's version, as a dry run");
        assertEquals(original.replace("\"2020-06-01\"", "\"" + DeploymentApiVersions.NEWEST + "\""), read(file));
    }

    @Test
    void setApiVersionRewritesOnlyTheVersionAfterTheAtInBicep() throws IOException {
        String original = "param location string = resourceGroup().location\r\n\r\n"
                + "resource store 'Microsoft.Storage/storageAccounts@2021-04-01' = {\r\n  name: 'store'\r\n  location: location\r\n"
                + "  sku: { name: 'Standard_LRS' }\r\n  kind: 'StorageV2'\r\n}\r\n\r\n"
                + "resource pid 'Microsoft.Resources/deployments@2018-02-01' = {\r\n  name: '" + ID.token() + "'\r\n"
                + "  properties: {\r\n    mode: 'Incremental'\r\n    template: {\r\n      '$schema': '" + RG + "'\r\n"
                + "      contentVersion: '1.0.0.0'\r\n      resources: []\r\n    }\r\n  }\r\n}\r\n";
        Path file = Fixtures.write(dir, "main.bicep", original);
        assertEquals(1, ArmTemplates.check(file, on("2026-12-06")).stream().filter(f -> f.code().equals("CUA029"))
                .count());
        assertTrue(ArmTemplates.setApiVersion(file, TemplateOptions.defaults()).changed());
        assertEquals(original.replace("deployments@2018-02-01", "deployments@" + DeploymentApiVersions.NEWEST),
                read(file));
        assertTrue(ArmTemplates.check(file, on("2026-12-06")).stream().noneMatch(f -> f.code().equals("CUA029")));
    }

    @Test
    void setApiVersionRefusesATemplateWithoutTrackingAndLeavesItUntouched() throws IOException {
        Path file = Fixtures.write(dir, "mainTemplate.json", template(RG, "", storage()));
        byte[] before = Files.readAllBytes(file);
        TemplateException e = assertThrows(TemplateException.class,
                () -> ArmTemplates.setApiVersion(file, TemplateOptions.defaults()));
        assertTrue(e.getMessage().contains("holds no tracking resource"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void addWithAnOptOutParameterAddsTheParameterAndTheConditionAndRemoveTakesBothAway() throws IOException {
        String original = "{\n    \"$schema\": \"" + RG + "\",\n    \"contentVersion\": \"1.0.0.0\",\n"
                + "    \"resources\": [\n        " + storage() + "\n    ]\n}\n";
        Path file = Fixtures.write(dir, "mainTemplate.json", original);
        TemplateOptions optOut = TemplateOptions.defaults().withOptOutParameter("enableTelemetry");
        assertTrue(ArmTemplates.add(file, ID, optOut).changed());
        String added = read(file);
        // a template without parameters gets the section as its last member, comma at the line's end; remove knows it
        assertTrue(added.contains("\n    ],\n    \"parameters\": {\n        \"enableTelemetry\": {\n            \"type\": \"bool\",\n"
                + "            \"defaultValue\": true,\n            \"metadata\": {\n                \"description\":"
                + " \"Attributes the Azure usage of this deployment to the publisher of this solution (customer usage"
                + " attribution). Set to false to opt out.\"\n"), added);
        assertTrue(added.contains("\"condition\": \"[parameters('enableTelemetry')]\",\n"), added);
        List<Finding> findings = ArmTemplates.check(file, on("2026-12-06"));
        assertEquals(List.of("CUA014"), Fixtures.codes(findings), "counted as carrying its tracking resource: "
                + findings);
        assertTrue(findings.get(0).message().contains("the parameter enableTelemetry"), findings.toString());
        assertTrue(ArmTemplates.remove(file, ID, TemplateOptions.defaults()).changed());
        assertEquals(original, read(file), "the parameter and the resource go, every other byte stays");
    }

    @Test
    void anOptOutNameIsFalseByDefaultAndNegatedAndAParameterOfThePartnersOwnIsUsedAndKept() throws IOException {
        String own = "  \"parameters\": { \"telemetryOptOut\": { \"type\": \"bool\", \"defaultValue\": false } },\n";
        String original = template(RG, own, storage());
        Path file = Fixtures.write(dir, "mainTemplate.json", original);
        ArmTemplates.add(file, ID, TemplateOptions.defaults().withOptOutParameter("telemetryOptOut"));
        String added = read(file);
        assertTrue(added.contains("\"condition\": \"[not(parameters('telemetryOptOut'))]\""), added);
        assertEquals(1, added.split("\"telemetryOptOut\": \\{", -1).length - 1, "the partner's own is used: " + added);
        ArmTemplates.remove(file, ID, TemplateOptions.defaults());
        assertEquals(original, read(file), "the partner's own parameter stays");

        Path fresh = Fixtures.write(dir, "other/mainTemplate.json", template(RG, "", storage()));
        ArmTemplates.add(fresh, ID, TemplateOptions.defaults().withOptOutParameter("disableAttribution"));
        assertTrue(read(fresh).contains("\"defaultValue\": false,"), read(fresh));
        assertTrue(read(fresh).contains("\"[not(parameters('disableAttribution'))]\""), read(fresh));
    }

    @Test
    void anOptOutParameterThatIsNotABoolOrNotANameIsRefused() throws IOException {
        String own = "  \"parameters\": { \"enableTelemetry\": { \"type\": \"string\" } },\n";
        Path file = Fixtures.write(dir, "mainTemplate.json", template(RG, own, storage()));
        byte[] before = Files.readAllBytes(file);
        TemplateException e = assertThrows(TemplateException.class, () -> ArmTemplates.add(file, ID,
                TemplateOptions.defaults().withOptOutParameter("enableTelemetry")));
        assertTrue(e.getMessage().contains("is not a bool"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
        IllegalArgumentException name = assertThrows(IllegalArgumentException.class,
                () -> TemplateOptions.defaults().withOptOutParameter("enable-telemetry"));
        assertTrue(name.getMessage().contains("is not a parameter name"), name.getMessage());
    }

    @Test
    void bicepAddWithAnOptOutParameterDeclaresItAndSwitchesTheResourceAndRemoveUndoesIt() throws IOException {
        String original = "param location string = resourceGroup().location\r\n\r\nresource store"
                + " 'Microsoft.Storage/storageAccounts@2023-01-01' = {\r\n  name: 'store'\r\n  location: location\r\n"
                + "  sku: { name: 'Standard_LRS' }\r\n  kind: 'StorageV2'\r\n}\r\n";
        Path file = Fixtures.write(dir, "main.bicep", original);
        ArmTemplates.add(file, ID, TemplateOptions.defaults().withOptOutParameter("enableTelemetry"));
        String added = read(file);
        assertTrue(added.startsWith(original + "\r\n@description('Attributes the Azure usage of this deployment to the"
                + " publisher of this solution (customer usage attribution). Set to false to opt out.')\r\n"
                + "param enableTelemetry bool = true\r\n\r\nresource partnerAttribution"
                + " 'Microsoft.Resources/deployments@" + DeploymentApiVersions.NEWEST + "' = if (enableTelemetry) {\r\n"),
                added);
        List<Finding> findings = ArmTemplates.check(file, on("2026-12-06"));
        assertEquals(List.of("CUA014"), Fixtures.codes(findings), findings.toString());
        ArmTemplates.remove(file, ID, TemplateOptions.defaults());
        assertEquals(original, read(file));

        Path negated = Fixtures.write(dir, "b/main.bicep", original);
        ArmTemplates.add(negated, ID, TemplateOptions.defaults().withOptOutParameter("telemetryOptOut"));
        assertTrue(read(negated).contains("param telemetryOptOut bool = false\r\n\r\n"), read(negated));
        assertTrue(read(negated).contains("= if (!telemetryOptOut) {"), read(negated));
        ArmTemplates.remove(negated, ID, TemplateOptions.defaults());
        assertEquals(original, read(negated));
    }

    @Test
    void aParameterAddWroteStaysWhenSomethingElseReadsIt() throws IOException {
        Path file = Fixtures.write(dir, "main.bicep", "param location string = resourceGroup().location\n");
        ArmTemplates.add(file, ID, TemplateOptions.defaults().withOptOutParameter("enableTelemetry"));
        Files.write(file, (read(file) + "\noutput telemetry bool = enableTelemetry\n").getBytes(StandardCharsets.UTF_8));
        ArmTemplates.remove(file, ID, TemplateOptions.defaults());
        assertTrue(read(file).contains("param enableTelemetry bool = true"), "still read by the output: " + read(file));
    }

    @Test
    void aParameterIsFoundInAnyCaseAsArmReadsItAndRemoveCopesWhenItIsGone() throws IOException {
        String own = "  \"parameters\": { \"EnableTelemetry\": { \"type\": \"Bool\", \"defaultValue\": true } },\n";
        String original = template(RG, own, storage());
        Path file = Fixtures.write(dir, "mainTemplate.json", original);
        ArmTemplates.add(file, ID, TemplateOptions.defaults().withOptOutParameter("enableTelemetry"));
        assertFalse(read(file).contains("\"enableTelemetry\": {"), "ARM would refuse a second parameter of that name: "
                + read(file));
        ArmTemplates.remove(file, ID, TemplateOptions.defaults());
        assertEquals(original, read(file));

        Path bare = Fixtures.write(dir, "b/mainTemplate.json", template(RG, "", storage()));
        ArmTemplates.add(bare, ID, TemplateOptions.defaults().withOptOutParameter("enableTelemetry"));
        // the partner took the parameter out by hand: remove takes the resource and leaves the rest
        String edited = read(bare).replaceFirst("(?s),\\n  \"parameters\": \\{.*?\\n  }\\n", "\n");
        assertFalse(edited.contains("\"parameters\""), edited);
        Files.write(bare, edited.getBytes(StandardCharsets.UTF_8));
        assertTrue(ArmTemplates.remove(bare, ID, TemplateOptions.defaults()).changed());
        assertFalse(read(bare).contains("pid-"), read(bare));
    }

    @Test
    void aFileEndingWithADecoratorWithNothingUnderItIsRefusedWithOrWithoutAnOptOutParameter() throws IOException {
        String dangling = "param location string = resourceGroup().location\n\n@description('nothing under it')\n";
        for (TemplateOptions options : List.of(TemplateOptions.defaults(),
                TemplateOptions.defaults().withOptOutParameter("enableTelemetry"))) {
            Path file = Fixtures.write(dir, "main.bicep", dangling);
            TemplateException e = assertThrows(TemplateException.class, () -> ArmTemplates.add(file, ID, options));
            assertTrue(e.getMessage().contains("the file ends with text that would take the added resource in (line 3"),
                    e.getMessage());
            assertEquals(dangling, read(file));
        }
    }

    static String read(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }
}
