package io.github.partnerattribution.cli;

import static io.github.partnerattribution.cli.CliTest.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.partnerattribution.cli.CliTest.Run;
import io.github.partnerattribution.templates.TemplateOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Marketplace gate from the command line: apiVersion, registry, placeholders, opt-out, Partner Center ids. */
class MarketplaceGateCliTest {
    static final String MARKETPLACE = "1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d";
    static final String GITHUB = "2c3d4e5f-6071-4b8c-9d0e-1f2a3b4c5d6e";
    static final String PREMIUM = "3d4e5f60-7182-4c9d-8e0f-2a3b4c5d6e7f";

    @TempDir
    Path dir;

    Path registry() throws IOException {
        return Files.writeString(dir.resolve("pid.properties"), "# Contoso Backup in Azure Marketplace\n"
                + "backup.marketplace=" + MARKETPLACE + "\n# Contoso Backup on GitHub\nbackup.github=" + GITHUB + "\n"
                + "backup.marketplace.premium=pid-" + PREMIUM + "-partnercenter\n");
    }

    Path template(String name, String trackingName, String apiVersion) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, "{\n  \"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/"
                + "deploymentTemplate.json#\",\n  \"contentVersion\": \"1.0.0.0\",\n  \"resources\": [\n    {\n"
                + "      \"type\": \"Microsoft.Resources/deployments\",\n      \"apiVersion\": \"" + apiVersion + "\",\n"
                + "      \"name\": \"" + trackingName + "\",\n      \"properties\": { \"mode\": \"Incremental\","
                + " \"template\": { \"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/"
                + "deploymentTemplate.json#\", \"contentVersion\": \"1.0.0.0\", \"resources\": [] } }\n    }\n  ]\n}\n");
    }

    @Test
    void apiVersionRewritesOnlyTheTrackingDeploymentsVersionWithADryRunFirst() throws IOException {
        Path file = template("mainTemplate.json", "pid-" + MARKETPLACE, "2020-06-01");
        String original = Files.readString(file);
        Run dry = run("template", "api-version", "--dry-run", file.toString());
        assertEquals(0, dry.exit(), dry.err());
        assertTrue(dry.out().contains("-      \"apiVersion\": \"2020-06-01\",\n+      \"apiVersion\": \""
                + TemplateOptions.DEFAULT_API_VERSION + "\",\n"), dry.out());
        assertEquals(original, Files.readString(file), "a dry run writes nothing");
        Run set = run("template", "api-version", file.toString());
        assertEquals("set apiVersion " + TemplateOptions.DEFAULT_API_VERSION + " in " + file + "\n", set.out());
        assertEquals(original.replace("2020-06-01", TemplateOptions.DEFAULT_API_VERSION), Files.readString(file));
        assertEquals("unchanged: " + file + "\n", run("template", "api-version", file.toString()).out());
        Run bad = run("template", "api-version", "--api-version", "latest", file.toString());
        assertEquals(1, bad.exit());
        assertTrue(bad.err().contains("apiVersion \"latest\" is not an ARM api version"), bad.err());
    }

    @Test
    void aTemplateCarryingTheGithubChannelsGuidFailsACheckForTheMarketplace() throws IOException {
        Path file = template("mainTemplate.json", "pid-" + GITHUB, TemplateOptions.DEFAULT_API_VERSION);
        Path registry = registry();
        Run wrong = run("template", "check", "--registry", registry.toString(), "--offer", "backup", "--channel",
                "marketplace", file.toString());
        assertEquals(1, wrong.exit(), wrong.out());
        assertTrue(wrong.out().contains("error CUA031: The tracking resource's GUID " + GITHUB + " is not the one "
                + registry + " holds for backup.marketplace (" + MARKETPLACE + "): it is registered for backup.github."),
                wrong.out());
        assertTrue(wrong.out().lines().findFirst().get().matches("main  \\S*mainTemplate\\.json  pid-" + GITHUB),
                wrong.out());
        Run right = run("template", "check", "--registry", registry.toString(), "--offer", "backup", "--channel",
                "github", file.toString());
        assertEquals(0, right.exit(), right.out());
        assertTrue(right.out().lines().findFirst().get().matches("main  \\S*mainTemplate\\.json  ok  pid-" + GITHUB),
                "the ok line names the id: " + right.out());
        Run premium = run("template", "check", "--registry", registry.toString(), "--offer", "backup", "--channel",
                "marketplace", "--sku", "premium", file.toString());
        assertTrue(premium.out().contains("holds for backup.marketplace.premium (" + PREMIUM + ")"), premium.out());
    }

    @Test
    void aScanWithTheRegistrySaysWhichIdEachTemplateCarries() throws IOException {
        template("solution/mainTemplate.json", "pid-" + MARKETPLACE, TemplateOptions.DEFAULT_API_VERSION);
        template("solution/nestedtemplates/other.json", "network", TemplateOptions.DEFAULT_API_VERSION);
        Run scan = run("template", "scan", "--registry", registry().toString(), "--offer", "backup", "--channel",
                "marketplace", dir.resolve("solution").toString());
        assertEquals(0, scan.exit(), scan.out());
        assertTrue(scan.out().contains("main  mainTemplate.json  ok  pid-" + MARKETPLACE + "\n"), scan.out());
        assertTrue(scan.out().contains("nested  nestedtemplates/other.json  ok  no partner id\n"), scan.out());
        Run json = run("template", "scan", "--format", "json", dir.resolve("solution").toString());
        assertTrue(json.out().replaceAll("\\s", "").contains("\"partnerIds\":[\"pid-" + MARKETPLACE + "\"]"),
                json.out());
    }

    @Test
    void theRegistryOptionsGoTogetherAndAnEntryThatIsNotThereIsNamed() throws IOException {
        Path file = template("mainTemplate.json", "pid-" + MARKETPLACE, TemplateOptions.DEFAULT_API_VERSION);
        Run alone = run("template", "check", "--offer", "backup", file.toString());
        assertEquals(1, alone.exit());
        assertTrue(alone.err().contains("give --registry FILE too"), alone.err());
        Run half = run("template", "check", "--registry", registry().toString(), "--offer", "backup", file.toString());
        assertEquals(1, half.exit());
        assertTrue(half.err().contains("--registry needs --offer and --channel"), half.err());
        Run none = run("template", "check", "--registry", registry().toString(), "--offer", "storage", "--channel",
                "marketplace", file.toString());
        assertEquals(1, none.exit());
        assertTrue(none.err().contains("No partner id in " + registry() + " for storage.marketplace"), none.err());
    }

    @Test
    void registryGetPrintsTheIdAloneForScripts() throws IOException {
        Path registry = registry();
        Run get = run("registry", "get", "--file", registry.toString(), "backup", "marketplace");
        assertEquals(0, get.exit(), get.err());
        assertEquals(MARKETPLACE + "\n", get.out());
        assertEquals(MARKETPLACE + "\n", run("registry", "get", "--file", registry.toString(), "backup", "marketplace",
                "basic").out(), "a SKU without its own entry falls back to the channel's");
        assertEquals("pid-" + PREMIUM + "-partnercenter\n", run("registry", "get", "--file", registry.toString(),
                "backup", "marketplace", "premium").out());
        Run missing = run("registry", "get", "--file", registry.toString(), "backup", "csp");
        assertEquals(1, missing.exit());
        assertEquals("", missing.out(), "nothing a script could take for an id");
        assertTrue(missing.err().contains("No partner id in " + registry + " for backup.csp (tried backup.csp, backup)."
                + " Keys it has: backup.marketplace, backup.github, backup.marketplace.premium"), missing.err());
    }

    @Test
    void aMistypedPlaceholderInTheTrackingNameIsAnErrorNamingTheKeyItMeant() throws IOException {
        Path file = template("mainTemplate.json", "pid-${backup.marketplce}", TemplateOptions.DEFAULT_API_VERSION);
        Run without = run("template", "check", file.toString());
        assertEquals(0, without.exit(), "without the properties whether the build fills it cannot be told: "
                + without.out());
        assertTrue(without.out().contains("warning CUA010"), without.out());
        Run with = run("template", "check", "--properties", registry().toString(), file.toString());
        assertEquals(1, with.exit(), with.out());
        assertTrue(with.out().contains("error CUA030: The tracking name \"pid-${backup.marketplce}\" holds a build"
                + " placeholder the properties file does not define (${backup.marketplce}: did you mean"
                + " backup.marketplace?)"), with.out());
        byte[] before = Files.readAllBytes(file);
        assertEquals(1, run("template", "scan", "--properties", registry().toString(), dir.toString()).exit());
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void addWithAnOptOutParameterThenRemoveGivesTheTemplateBack() throws IOException {
        Path file = dir.resolve("main.bicep");
        String original = "param location string = resourceGroup().location\n";
        Files.writeString(file, original);
        Run add = run("template", "add", "--opt-out-parameter", "enableTelemetry", "--pid", MARKETPLACE, file.toString());
        assertEquals(0, add.exit(), add.err());
        assertTrue(Files.readString(file).contains("param enableTelemetry bool = true\n\nresource partnerAttribution"
                + " 'Microsoft.Resources/deployments@" + TemplateOptions.DEFAULT_API_VERSION + "' = if (enableTelemetry) {"),
                Files.readString(file));
        Run check = run("template", "check", file.toString());
        assertEquals(0, check.exit(), check.out());
        assertTrue(check.out().contains("info CUA014: The tracking resource is deployed only as the parameter"
                + " enableTelemetry says: the customer's opt-out."), check.out());
        assertEquals(0, run("template", "remove", "--pid", MARKETPLACE, file.toString()).exit());
        assertEquals(original, Files.readString(file));
        Run bad = run("template", "add", "--opt-out-parameter", "enable-telemetry", "--pid", MARKETPLACE,
                file.toString());
        assertEquals(1, bad.exit());
        assertTrue(bad.err().contains("is not a parameter name"), bad.err());
        assertEquals(original, Files.readString(file));
    }

    @Test
    void theNoticeForAMarketplaceApplicationNamesTheParameterOrThePublisher() {
        Run form = run("notice", "--partner", "Contoso", "--kind", "marketplace", "--opt-out-parameter",
                "telemetryOptOut");
        assertEquals(0, form.exit(), form.err());
        String flat = form.out().replace('\n', ' ');
        assertTrue(flat.contains("To opt out, set telemetryOptOut to true in the deployment form of this offer in the"
                + " Azure portal"), form.out());
        String publisher = run("notice", "--partner", "Contoso", "--kind", "marketplace").out().replace('\n', ' ');
        assertTrue(publisher.contains("To opt out, ask Contoso, the publisher of this offer"), publisher);
        Run sdk = run("notice", "--partner", "Contoso", "--kind", "sdk", "--opt-out-parameter", "enableTelemetry");
        assertEquals(1, sdk.exit());
        assertTrue(sdk.err().contains("An SDK notice has no template parameter"), sdk.err());
    }

    @Test
    void guidCheckNamesPartnerCentersPlaceholderAsOne() {
        Run r = run("guid", "check", "pid-contoso-myoffer-partnercenter");
        assertEquals(1, r.exit());
        assertTrue(r.out().contains("invalid  \"pid-contoso-myoffer-partnercenter\": this is a placeholder for a"
                + " Partner Center tracking id, pid-<guid>-partnercenter, not an id: copy the tracking id exactly as"
                + " Partner Center shows it on the plan's technical configuration page"), r.out());
        Run add = run("template", "add", "--pid", "pid-contoso-myoffer-partnercenter", dir.resolve("x.json").toString());
        assertEquals(1, add.exit());
        assertTrue(add.err().contains("this is a placeholder for a Partner Center tracking id"), add.err());
    }
}
