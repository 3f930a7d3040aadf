package io.github.partnerattribution.templates;

import static io.github.partnerattribution.templates.DiscoveryTest.RG;
import static io.github.partnerattribution.templates.DiscoveryTest.json;
import static io.github.partnerattribution.templates.DiscoveryTest.link;
import static io.github.partnerattribution.templates.DiscoveryTest.tracking;
import static io.github.partnerattribution.templates.LinkResolutionTest.PLAIN;
import static io.github.partnerattribution.templates.LinkResolutionTest.template;
import static io.github.partnerattribution.templates.LinkResolutionTest.uri;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which file is a main template, as real repositories lay them out: test and sample helpers, zips that are not
 * packages, templates a README or a script deploys directly, module libraries' own telemetry, folders named for a
 * role, and links a careful reader resolves from the tree. Each case is a small fixture of the shape found in public
 * repositories; each asserts the roles, the findings and the words of its note.
 */
class RolesAndLinksTest {
    @TempDir
    Path dir;

    Path write(String relative, String text) throws IOException {
        return Fixtures.write(dir, relative, text);
    }

    static final String BICEP_TRACKING = "resource pid 'Microsoft.Resources/deployments@2025-04-01' = {\n  name: '"
            + Fixtures.ID.token() + "'\n  properties: {\n    mode: 'Incremental'\n    template: {\n      resources: []\n"
            + "    }\n  }\n}\n";
    static final String BICEP_PLAIN = "param location string = resourceGroup().location\n\nresource store"
            + " 'Microsoft.Storage/storageAccounts@2023-01-01' = {\n  name: 'store${uniqueString(resourceGroup().id)}'\n"
            + "  location: location\n  sku: { name: 'Standard_LRS' }\n  kind: 'StorageV2'\n}\n";

    Map<String, TemplateRole> roles(ScanReport report) {
        return Fixtures.roles(dir, report);
    }

    List<String> codes(ScanReport report, Severity... severities) {
        List<Severity> wanted = Arrays.asList(severities);
        return report.findings().stream().filter(f -> wanted.contains(f.severity()))
                .map(f -> f.code() + " " + dir.relativize(Path.of(f.file())).toString().replace('\\', '/'))
                .sorted().collect(Collectors.toList());
    }

    List<String> errors(ScanReport report) {
        return codes(report, Severity.ERROR);
    }

    // ---- 1. test and sample helpers

    @Test
    void aTestsDependenciesAndTheModuleItTestsAreHelpersNotMains() throws IOException {
        write("avm/res/key-vault/main.bicep", BICEP_PLAIN);
        write("avm/res/key-vault/tests/e2e/max/dependencies.bicep", BICEP_PLAIN);
        write("avm/res/key-vault/tests/e2e/max/main.test.bicep", "module deps 'dependencies.bicep' = {\n  name: 'deps'\n}\n"
                + "module kv '../../../main.bicep' = {\n  name: 'kv'\n}\n");
        // a test folder's file that nothing calls, and one a sample calls from outside samples/
        write("avm/res/key-vault/tests/e2e/waf/dependencies.bicep", BICEP_PLAIN);
        write("modules/network.bicep", BICEP_PLAIN);
        write("samples/hub/main.bicep", "module net '../../modules/network.bicep' = {\n  name: 'net'\n}\n");
        ScanReport report = ArmTemplates.scan(dir);
        assertEquals(Map.of("avm/res/key-vault/main.bicep", TemplateRole.HELPER,
                "avm/res/key-vault/tests/e2e/max/dependencies.bicep", TemplateRole.HELPER,
                "avm/res/key-vault/tests/e2e/max/main.test.bicep", TemplateRole.SAMPLE,
                "avm/res/key-vault/tests/e2e/waf/dependencies.bicep", TemplateRole.HELPER,
                "modules/network.bicep", TemplateRole.HELPER, "samples/hub/main.bicep", TemplateRole.SAMPLE),
                roles(report), report.text());
        assertEquals(List.of(), errors(report), "no CUA001 on any helper: " + report.text());
        assertTrue(report.notes().contains("2 samples and tests that call modules set aside as entry points, and 4"
                + " helpers (in their folders, or called only by them): none is a main template, so none needs a"
                + " tracking resource; name one with --main to check it as the main template; outside their folders:"
                + " avm/res/key-vault/main.bicep (called by avm/res/key-vault/tests/e2e/max/main.test.bicep),"
                + " modules/network.bicep (called by samples/hub/main.bicep)"), report.notes().toString());
        assertTrue(report.text().contains("helper  avm/res/key-vault/tests/e2e/max/dependencies.bicep  ok"),
                report.text());
    }

    @Test
    void aModuleTheProductCallsTooIsLinkedAndMainStillOverrides() throws IOException {
        write("main.json", json(RG, tracking("") + ",\n" + link("net", "{ \"relativePath\": \"nested/network.json\" }")));
        write("nested/network.json", json(RG, tracking("")));
        write("tests/e2e/azuredeploy.json", json(RG, link("net", "{ \"relativePath\": \"../../nested/network.json\" }")));
        write("tests/e2e/dependencies.json", PLAIN);
        ScanReport report = ArmTemplates.scan(dir);
        assertEquals(TemplateRole.LINKED, roles(report).get("nested/network.json"), report.text());
        assertEquals(List.of("CUA003 nested/network.json"), errors(report), report.text());
        ScanReport named = ArmTemplates.scan(dir, TemplateOptions.defaults()
                .withMainNames(List.of("tests/e2e/dependencies.json")));
        assertEquals(TemplateRole.MAIN, roles(named).get("tests/e2e/dependencies.json"), named.text());
        assertEquals(List.of("CUA001 tests/e2e/dependencies.json", "CUA003 nested/network.json"), errors(named));
    }

    // ---- 2. zips that are not packages

    @Test
    void zipsThatHoldNoMainTemplateOrUiDefinitionAreArtifactsCountedNotJudged() throws IOException {
        write("azuredeploy.json", json(RG, tracking("")));
        zip("dsc/Configuration.zip", PackageTest.Entry.of("Configuration.ps1", "Configuration Web { }\n"));
        zip("scripts/install.ps1.zip", PackageTest.Entry.of("install.ps1", "Write-Output 'hello'\n"));
        zip("functions/functionpackage.zip", PackageTest.Entry.of("host.json", "{ \"version\": \"2.0\" }\n"),
                PackageTest.Entry.of("HttpTrigger/function.json", "{ \"bindings\": [] }\n"));
        zip("web/chatui.zip", PackageTest.Entry.of("index.html", "<html></html>\n"));
        zip("win/tools.zip", PackageTest.Entry.of("bin\\tool.json", "{}\n"));
        ScanReport report = ArmTemplates.scan(dir);
        assertEquals(Map.of("azuredeploy.json", TemplateRole.MAIN), roles(report), report.text());
        assertEquals(List.of(), codes(report, Severity.ERROR, Severity.WARNING, Severity.INFO), report.text());
        assertTrue(report.notes().contains("5 zip files are not a Marketplace package (no mainTemplate.json or"
                + " createUiDefinition.json in it): artifacts that templates download, not checked"
                + " (dsc/Configuration.zip, functions/functionpackage.zip, scripts/install.ps1.zip, web/chatui.zip,"
                + " win/tools.zip)"), report.notes().toString());
    }

    @Test
    void aZipThatNamesTheMainTemplateIsAPackageEvenInOneFolderOrWhenItIsRefused() throws IOException {
        zip("offer/one-folder.zip", PackageTest.Entry.of("solution/mainTemplate.json", PackageTest.MAIN),
                PackageTest.Entry.of("solution/createUiDefinition.json", PackageTest.UI));
        byte[] whole = PackageTest.zip(List.of(PackageTest.Entry.of("mainTemplate.json", PackageTest.MAIN),
                PackageTest.Entry.of("createUiDefinition.json", PackageTest.UI)));
        // its end record cut off: no reader finds its directory, yet its local headers name the main template
        Files.write(dir.resolve("offer/cut.zip"), Arrays.copyOf(whole, whole.length - 22));
        ScanReport report = ArmTemplates.scan(dir);
        assertEquals(List.of("CUA022 offer/one-folder.zip", "CUA025 offer/cut.zip"), errors(report).stream()
                .distinct().sorted((a, b) -> a.compareTo(b) * -1).collect(Collectors.toList()).stream()
                .filter(c -> c.startsWith("CUA022") || c.startsWith("CUA025")).sorted((a, b) -> a.substring(0, 6)
                        .compareTo(b.substring(0, 6))).collect(Collectors.toList()), report.text());
    }

    @Test
    void checkingAnArtifactZipSaysWhatItIs() throws IOException {
        Path zip = zip("Configuration.zip", PackageTest.Entry.of("Configuration.ps1", "Configuration Web { }\n"));
        ScanReport report = ArmTemplates.checkAll(List.of(zip), TemplateOptions.defaults());
        assertEquals(List.of(), report.findings(), report.text());
        assertEquals(List.of(zip + " is not a Marketplace package: it holds no mainTemplate.json or"
                + " createUiDefinition.json (at its root or in one folder), so it is taken as an artifact that"
                + " templates download, and nothing in it was checked"), report.notes());
    }

    Path zip(String relative, PackageTest.Entry... entries) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.write(file, PackageTest.zip(List.of(entries)));
    }

    // ---- 3. templates the repository deploys directly

    static String rawUrl(String path) {
        return "https://raw.githubusercontent.com/contoso/solution/main/" + path;
    }

    static String button(String portal, String path) {
        return "[![Deploy to Azure](https://aka.ms/deploytoazurebutton)](https://" + portal
                + "/#create/Microsoft.Template/uri/" + URLEncoder.encode(rawUrl(path), StandardCharsets.UTF_8) + ")";
    }

    @Test
    void aLinkedTemplateADeployButtonDeploysIsMainAndItsFindingSaysWhere() throws IOException {
        write("azuredeploy.json", json(RG, tracking("") + ",\n" + link("app", uri("[uri(deployment().properties"
                + ".templateLink.uri, 'nested/app.json')]"))));
        write("nested/app.json", PLAIN);
        write("nested/db.json", PLAIN);
        write("azuredeploy2.json", json(RG, tracking("") + ",\n" + link("db", uri("[uri(deployment().properties"
                + ".templateLink.uri, 'nested/db.json')]"))));
        write("README.md", "# Solution\n\nDeploy the whole solution:\n\n" + button("portal.azure.com", "azuredeploy.json")
                + "\n\nOr only the application tier:\n\n" + button("portal.azure.us", "nested/app.json") + "\n");
        ScanReport report = ArmTemplates.scan(dir);
        assertEquals(TemplateRole.MAIN, roles(report).get("nested/app.json"), report.text());
        assertEquals(TemplateRole.LINKED, roles(report).get("nested/db.json"), "nothing deploys it directly");
        assertEquals(List.of("CUA001 nested/app.json"), errors(report), report.text());
        assertTrue(report.findings().get(0).message().contains("It is deployed directly (README.md:9), so it is a"
                + " main template even if another template links it too."), report.findings().toString());
        assertTrue(report.notes().contains("nested/app.json is linked by azuredeploy.json but deployed directly"
                + " (README.md:9): checked as a main template"), report.notes().toString());
        assertTrue(report.notes().contains("2 deployments written in 1 Markdown, script and pipeline file(s): 2"
                + " templates are deployed directly, so each is checked as a main template"), report.notes().toString());
    }

    @Test
    void scriptsAndPipelinesThatDeployAModuleMakeItMainAndItsTrackingResourceIsNoCua003() throws IOException {
        write("infra/main.bicep", "module app 'app/app.bicep' = {\n  name: 'app'\n}\n" + BICEP_TRACKING);
        write("infra/app/app.bicep", BICEP_PLAIN + "\n" + BICEP_TRACKING);
        write("infra/app/api.json", json(RG, tracking("")));
        write("infra/app/web.json", PLAIN);
        write("infra/root.json", json(RG, tracking("") + ",\n" + link("api", "{ \"relativePath\": \"app/api.json\" }")
                + ",\n" + link("web", "{ \"relativePath\": \"app/web.json\" }")));
        write("scripts/deploy.sh", "#!/bin/sh\nset -e\naz deployment group create \\\n  --resource-group \"$RG\" \\\n"
                + "  --template-file ../infra/app/app.bicep \\\n  --parameters location=westeurope\n");
        write("scripts/Deploy.ps1", "New-AzResourceGroupDeployment -ResourceGroupName $rg `\n"
                + "  -TemplateFile \"$PSScriptRoot\\..\\infra\\app\\api.json\"\n");
        write(".github/workflows/deploy.yml", "jobs:\n  deploy:\n    steps:\n      - run: |\n"
                + "          az deployment group what-if -g rg -f infra/app/web.json\n"
                + "          az deployment sub create -l westeurope -f ${{ github.workspace }}/infra/main.bicep\n"
                + "          az deployment group create -g rg --template-file infra/gone.bicep\n");
        ScanReport report = ArmTemplates.scan(dir);
        assertEquals(Map.of("infra/main.bicep", TemplateRole.MAIN, "infra/app/app.bicep", TemplateRole.MAIN,
                "infra/app/api.json", TemplateRole.MAIN, "infra/app/web.json", TemplateRole.LINKED,
                "infra/root.json", TemplateRole.MAIN), roles(report), report.text());
        assertEquals(List.of(), errors(report), "no CUA003 on the tracking resources of templates deployed directly: "
                + report.text());
        assertTrue(report.notes().contains("4 deployments written in 3 Markdown, script and pipeline file(s): 3"
                + " templates are deployed directly, so each is checked as a main template; 1 name no template found"
                + " here (.github/workflows/deploy.yml:7)"), report.notes().toString());
    }

    @Test
    void pipelineStepsOfGitHubActionsAndAzureDevOpsDeployTemplatesDirectly() throws IOException {
        write("infra/main.json", json(RG, tracking("") + ",\n" + link("app", "{ \"relativePath\": \"app/app.json\" }")
                + ",\n" + link("db", "{ \"relativePath\": \"app/db.json\" }") + ",\n"
                + link("web", "{ \"relativePath\": \"app/web.json\" }")));
        write("infra/app/app.json", PLAIN);
        write("infra/app/db.json", PLAIN);
        write("infra/app/web.json", PLAIN);
        write(".github/workflows/deploy.yml", "jobs:\n  deploy:\n    steps:\n      - uses: actions/checkout@v4\n"
                + "      - uses: azure/arm-deploy@v2\n        with:\n          resourceGroupName: rg\n"
                + "          template: ./infra/app/app.json\n      - uses: azure/login@v2\n"
                + "        with:\n          template: ./infra/app/web.json\n");
        write("pipelines/azure-pipelines.yml", "steps:\n  - task: AzureResourceManagerTemplateDeployment@3\n"
                + "    inputs:\n      deploymentScope: 'Resource Group'\n"
                + "      csmFile: '$(System.DefaultWorkingDirectory)/infra/app/db.json'\n");
        ScanReport report = ArmTemplates.scan(dir);
        assertEquals(Map.of("infra/main.json", TemplateRole.MAIN, "infra/app/app.json", TemplateRole.MAIN,
                "infra/app/db.json", TemplateRole.MAIN, "infra/app/web.json", TemplateRole.LINKED), roles(report),
                "a template: input of another step deploys nothing: " + report.text());
        assertEquals(List.of("CUA001 infra/app/app.json", "CUA001 infra/app/db.json"), errors(report), report.text());
        assertTrue(report.findings().stream().anyMatch(f -> f.message().contains("It is deployed directly"
                + " (pipelines/azure-pipelines.yml:2)")), report.text());
    }

    @Test
    void inlineCodeInMarkdownEndsTheCommandAndHostileDocumentsAreBounded() throws IOException {
        write("main.json", json(RG, tracking("") + ",\n" + link("app", "{ \"relativePath\": \"nested/app.json\" }")));
        write("nested/app.json", PLAIN);
        write("docs/deploy.md", "Run `az deployment group create -g rg --template-file nested/app.json` from the root,\n"
                + "then check it.\n");
        // a crafted line of deployments, a megabyte long, and a file over the bound: read in part, or not at all
        write("docs/flood.ps1", "New-AzResourceGroupDeployment -TemplateFile main.json ".repeat(15_000) + "\n");
        write("docs/huge.md", "x".repeat(1024 * 1024 + 1));
        Files.write(dir.resolve("docs/latin1.sh"), "az deployment group create -f main.json # caf\u00e9\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        ScanReport report = ArmTemplates.scan(dir);
        assertEquals(TemplateRole.MAIN, roles(report).get("nested/app.json"), report.text());
        assertTrue(report.notes().contains("1001 deployments written in 3 Markdown, script and pipeline file(s): 2"
                + " templates are deployed directly, so each is checked as a main template; 1 file(s) over 1048576"
                + " bytes not read; 1 file(s) not UTF-8, so not read; 1 file(s) read only up to their first 1000 places"
                + " that may deploy"), report.notes().toString());
    }

    @Test
    void aDocumentGoneSinceTheWalkIsCountedAndTheRestAreRead() throws IOException {
        Path main = write("main.json", json(RG, tracking("")));
        Path script = write("docs/deploy.sh", "az deployment group create -f ../main.json\n");
        io.github.partnerattribution.templates.internal.LinkResolver resolver =
                io.github.partnerattribution.templates.internal.LinkResolver.of(dir, List.of(main));
        io.github.partnerattribution.templates.internal.DirectDeployments found =
                io.github.partnerattribution.templates.internal.DirectDeployments.find(List.of(dir.resolve("docs/gone.md"),
                        script), resolver);
        assertEquals(Map.of(main, "docs/deploy.sh:1"), found.deployed());
        assertEquals("1 deployment written in 1 Markdown, script and pipeline file(s): 1 template is deployed directly,"
                + " so each is checked as a main template; 1 file(s) could not be read", found.summary());
    }

    // ---- 4. module libraries' own telemetry

    @Test
    void aLinkedModulesOwnTelemetryIsInfoNotCua003() throws IOException {
        write("main.bicep", "module kv 'modules/keyvault.bicep' = {\n  name: 'kv'\n}\n" + BICEP_TRACKING);
        write("modules/keyvault.bicep", "param enableDefaultTelemetry bool = true\n\nresource telemetry"
                + " 'Microsoft.Resources/deployments@2025-04-01' = if (enableDefaultTelemetry) {\n  name: 'pid-"
                + "0e1f2a3b-4c5d-4a7b-8c9d-1b2c3d4e5f60-${uniqueString(deployment().name)}'\n  properties: {\n"
                + "    mode: 'Incremental'\n    template: {\n      resources: []\n    }\n  }\n}\n");
        write("modules/misplaced.bicep", BICEP_TRACKING);
        write("app.bicep", "module m 'modules/misplaced.bicep' = {\n  name: 'm'\n}\n" + BICEP_TRACKING);
        ScanReport report = ArmTemplates.scan(dir);
        assertEquals(List.of("CUA003 modules/misplaced.bicep"), errors(report), report.text());
        assertEquals(List.of("CUA027 modules/keyvault.bicep"), codes(report, Severity.INFO).stream()
                .filter(c -> c.startsWith("CUA027")).collect(Collectors.toList()), report.text());
        Finding telemetry = report.findings().stream().filter(f -> f.code().equals("CUA027")).findFirst().get();
        assertEquals("The deployment \"'pid-0e1f2a3b-4c5d-4a7b-8c9d-1b2c3d4e5f60-${uniqueString(deployment().name)}'\" is"
                + " switched by this module's own telemetry parameter, enableDefaultTelemetry: it is usage telemetry"
                + " for the module's authors, not a partner's misplaced tracking resource; yours belongs in the main"
                + " template.", telemetry.message());
    }

    // ---- 5. roles from the graph, not from folder names

    @Test
    void aParentInALinkedTemplatesFolderThatNothingLinksIsMain() throws IOException {
        write("linkedtemplates/solution.json", json(RG, link("net", "{ \"relativePath\": \"network.json\" }")));
        write("linkedtemplates/network.json", PLAIN);
        write("nestedtemplates/orphan.json", PLAIN);
        ScanReport report = ArmTemplates.scan(dir);
        assertEquals(Map.of("linkedtemplates/solution.json", TemplateRole.MAIN, "linkedtemplates/network.json",
                TemplateRole.LINKED, "nestedtemplates/orphan.json", TemplateRole.NESTED), roles(report), report.text());
        assertEquals(List.of("CUA001 linkedtemplates/solution.json"), errors(report), report.text());
    }

    @Test
    void aBicepParentInANestedTemplatesFolderThatNothingCallsIsMain() throws IOException {
        write("nestedtemplates/solution.bicep", "module net 'network.bicep' = {\n  name: 'net'\n}\n");
        write("nestedtemplates/network.bicep", BICEP_PLAIN);
        write("nestedtemplates/tracked.bicep", "module net 'network.bicep' = {\n  name: 'net'\n}\n" + BICEP_TRACKING);
        ScanReport report = ArmTemplates.scan(dir);
        assertEquals(Map.of("nestedtemplates/solution.bicep", TemplateRole.MAIN, "nestedtemplates/network.bicep",
                TemplateRole.NESTED, "nestedtemplates/tracked.bicep", TemplateRole.MAIN), roles(report), report.text());
        assertEquals(List.of("CUA001 nestedtemplates/solution.bicep"), errors(report), report.text());
    }

    // ---- 6. links a careful reader resolves

    @Test
    void anObjectVariableIndexedByAParameterLinksEachOfItsValues() throws IOException {
        write("azuredeploy.json", template("\"lbType\": { \"type\": \"string\", \"defaultValue\": \"public\" }",
                "\"lbOptions\": { \"public\": \"nested/lb-public.json\", \"internal\": \"nested/lb-internal.json\" }",
                tracking("") + ",\n" + link("lb", "{ \"relativePath\": \"[variables('lbOptions')[parameters('lbType')]]\" }")));
        write("nested/lb-public.json", PLAIN);
        write("nested/lb-internal.json", PLAIN);
        ScanReport report = ArmTemplates.scan(dir);
        assertEquals(TemplateRole.LINKED, roles(report).get("nested/lb-internal.json"), report.text());
        assertEquals(TemplateRole.LINKED, roles(report).get("nested/lb-public.json"), report.text());
        assertEquals(List.of(), errors(report), report.text());
    }

    @Test
    void anotherRepositorysRawUrlAndABucketUrlFindTheFileBesideTheTemplate() throws IOException {
        write("solutions/vm/azuredeploy.json", template("\"vnetNewOrExisting\": { \"type\": \"string\","
                + " \"allowedValues\": [\"new\", \"existing\"], \"defaultValue\": \"new\" }", "", tracking("") + ",\n"
                + link("nic", uri("https://raw.githubusercontent.com/someone/other-repo/master/update-nic.json"))
                + ",\n" + link("vnet", uri("[concat('https://contoso.blob.core.windows.net/templates', '/vnet-',"
                        + " parameters('vnetNewOrExisting'), '.json')]"))));
        write("solutions/vm/update-nic.json", PLAIN);
        write("solutions/vm/vnet-new.json", PLAIN);
        write("solutions/vm/vnet-existing.json", PLAIN);
        write("solutions/other/update-nic.json", json(RG, tracking("")));
        ScanReport report = ArmTemplates.scan(dir);
        assertEquals(TemplateRole.LINKED, roles(report).get("solutions/vm/update-nic.json"), report.text());
        assertEquals(TemplateRole.LINKED, roles(report).get("solutions/vm/vnet-new.json"), report.text());
        assertEquals(TemplateRole.LINKED, roles(report).get("solutions/vm/vnet-existing.json"), report.text());
        assertEquals(TemplateRole.MAIN, roles(report).get("solutions/other/update-nic.json"), "not beside it");
        assertEquals(List.of(), errors(report), report.text());
    }

    @Test
    void aDoubleSlashInAJoinedUrlIsOneAsAWebServerReadsIt() throws IOException {
        for (String solution : List.of("alpha", "beta")) {
            write(solution + "/azuredeploy.json", template("\"_artifactsLocation\": { \"type\": \"string\" }", "",
                    tracking("") + ",\n" + link("vmss", uri("[concat(parameters('_artifactsLocation'),"
                            + " '/nested/vmss.json')]"))));
            write(solution + "/nested/vmss.json", PLAIN);
        }
        ScanReport report = ArmTemplates.scan(dir);
        assertEquals(List.of(), report.notes(), "each solution's own file, not one of two");
        assertEquals(TemplateRole.LINKED, roles(report).get("beta/nested/vmss.json"), report.text());
    }

    @Test
    void aNewOrExistingParameterWithoutAllowedValuesAndAnEmptyBaseUrlAreUnknownParts() throws IOException {
        write("quickstarts/vm/azuredeploy.json", template("\"publicIpNewOrExisting\": { \"type\": \"string\","
                + " \"defaultValue\": \"new\" }, \"baseUrl\": { \"type\": \"string\", \"defaultValue\": \"\" }", "",
                tracking("") + ",\n" + link("ip", uri("[concat(parameters('baseUrl'), 'nested/publicip-',"
                        + " parameters('publicIpNewOrExisting'), '.json')]"))));
        write("quickstarts/nested/publicip-new.json", PLAIN);
        write("quickstarts/nested/publicip-existing.json", PLAIN);
        ScanReport report = ArmTemplates.scan(dir);
        assertEquals(TemplateRole.LINKED, roles(report).get("quickstarts/nested/publicip-existing.json"), report.text());
        assertEquals(TemplateRole.LINKED, roles(report).get("quickstarts/nested/publicip-new.json"), report.text());
        assertEquals(List.of(), errors(report), report.text());
    }

    @Test
    void jsonLoadedAsADeploymentsInlineTemplateIsNestedContentNeverMain() throws IOException {
        write("main.bicep", BICEP_TRACKING + "\nresource net 'Microsoft.Resources/deployments@2025-04-01' = {\n"
                + "  name: 'network'\n  properties: {\n    mode: 'Incremental'\n"
                + "    template: json(loadTextContent('nested/network.json'))\n  }\n}\n"
                + "\nresource db 'Microsoft.Resources/deployments@2025-04-01' = {\n  name: 'db'\n  properties: {\n"
                + "    mode: 'Incremental'\n    template: loadJsonContent('nested/db.json')\n  }\n}\n");
        write("nested/network.json", PLAIN);
        write("nested/db.json", PLAIN);
        ScanReport report = ArmTemplates.scan(dir);
        assertEquals(Map.of("main.bicep", TemplateRole.MAIN, "nested/network.json", TemplateRole.NESTED,
                "nested/db.json", TemplateRole.NESTED), roles(report), report.text());
        assertEquals(List.of(), errors(report), report.text());
    }

    @Test
    void hiddenModuleFoldersAreScannedAndToolFoldersAreNot() throws IOException {
        write("main.bicep", "module ra '.bicep/nested_roleAssignments.bicep' = {\n  name: 'ra'\n}\n" + BICEP_TRACKING);
        write(".bicep/nested_roleAssignments.bicep", BICEP_TRACKING);
        write(".git/objects/x.json", PLAIN);
        write("node_modules/pkg/azuredeploy.json", PLAIN);
        write("bin/Debug/azuredeploy.json", PLAIN);
        ScanReport report = ArmTemplates.scan(dir);
        assertEquals(Map.of("main.bicep", TemplateRole.MAIN, ".bicep/nested_roleAssignments.bicep", TemplateRole.LINKED),
                roles(report), report.text());
        assertEquals(List.of("CUA003 .bicep/nested_roleAssignments.bicep"), errors(report), report.text());
    }

    @Test
    void aModulePathInAnotherCaseIsFollowedAndWarnedAbout() throws IOException {
        write("solution/main.bicep", "module net '../Shared/Network.bicep' = {\n  name: 'net'\n}\n" + BICEP_TRACKING);
        write("shared/network.bicep", BICEP_PLAIN);
        ScanReport report = ArmTemplates.scan(dir);
        assertEquals(Map.of("solution/main.bicep", TemplateRole.MAIN, "shared/network.bicep", TemplateRole.LINKED),
                roles(report), report.text());
        assertEquals(List.of("CUA028 solution/main.bicep"), codes(report, Severity.ERROR, Severity.WARNING));
        assertTrue(report.findings().get(0).message().startsWith("The module path \"../Shared/Network.bicep\" names"
                + " \"shared/network.bicep\" in another case"), report.findings().toString());
        List<Finding> checked = ArmTemplates.check(dir.resolve("solution/main.bicep"));
        assertEquals(List.of("CUA028"), Fixtures.codes(checked).stream().filter(c -> !c.equals("CUA005"))
                .collect(Collectors.toList()), "a check of the file alone finds it too: " + checked);
    }

    @Test
    void aBicepFileCompiledIntoAJsonElsewhereTakesItsTwinsRole() throws IOException {
        write("templates/policies-audit-vms.bicep", "param effect string = 'Audit'\nparam scope string\n"
                + BICEP_PLAIN.replace("param location string = resourceGroup().location\n", "param location string\n"));
        write("policyDefinitions/audit-vms.json", "{\n  \"$schema\": \"" + RG + "\",\n  \"contentVersion\": \"1.0.0.0\",\n"
                + "  \"metadata\": { \"_generator\": { \"name\": \"bicep\", \"version\": \"0.30.23.60470\" } },\n"
                + "  \"parameters\": { \"effect\": { \"type\": \"string\" }, \"location\": { \"type\": \"string\" },"
                + " \"scope\": { \"type\": \"string\" } },\n  \"resources\": []\n}\n");
        write("azuredeploy.json", json(RG, tracking("") + ",\n" + link("policy",
                "{ \"relativePath\": \"policyDefinitions/audit-vms.json\" }")));
        ScanReport report = ArmTemplates.scan(dir);
        assertEquals(Map.of("azuredeploy.json", TemplateRole.MAIN, "templates/policies-audit-vms.bicep",
                TemplateRole.LINKED), roles(report), report.text());
        assertEquals(List.of(), errors(report), report.text());
        assertTrue(report.notes().contains("policyDefinitions/audit-vms.json is compiled from"
                + " templates/policies-audit-vms.bicep, which is checked instead, in its role"), report.notes().toString());
    }

    @Test
    void aModuleNamedByItsOwnParameterIsJudgedAtEachCallersArgument() throws IOException {
        write("modules/telemetry.bicep", "param telemetryName string\n\nresource telemetry"
                + " 'Microsoft.Resources/deployments@2025-04-01' = {\n  name: telemetryName\n  properties: {\n"
                + "    mode: 'Incremental'\n    template: {\n      resources: []\n    }\n  }\n}\n");
        write("main.bicep", "param location string = 'westeurope'\n\nmodule tel 'modules/telemetry.bicep' = {\n"
                + "  name: 'tel'\n  params: {\n    telemetryName: '1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d-${location}'\n"
                + "  }\n}\n" + BICEP_TRACKING);
        ScanReport report = ArmTemplates.scan(dir);
        assertEquals(Map.of("main.bicep", TemplateRole.MAIN, "modules/telemetry.bicep", TemplateRole.LINKED),
                roles(report), report.text());
        assertEquals(List.of("CUA016 main.bicep"), codes(report, Severity.ERROR, Severity.WARNING), report.text());
        Finding f = report.findings().stream().filter(x -> x.code().equals("CUA016")).findFirst().get();
        assertEquals(6, f.line());
        assertTrue(f.message().startsWith("Given to the module's parameter telemetryName, which names an empty"
                + " deployment inside the module: this empty deployment is named with a bare GUID"), f.message());
        // checked alone, with nothing calling it, the module's parameter is the deployer's to give: CUA009 stays
        assertEquals(List.of("CUA009"), Fixtures.codes(ArmTemplates.check(dir.resolve("modules/telemetry.bicep")))
                .stream().filter(c -> c.equals("CUA009")).collect(Collectors.toList()));
    }
}
