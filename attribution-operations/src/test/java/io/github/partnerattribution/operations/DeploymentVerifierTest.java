package io.github.partnerattribution.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.core.management.Region;
import com.azure.resourcemanager.AzureResourceManager;
import com.azure.resourcemanager.resources.fluent.models.DeploymentInner;
import com.azure.resourcemanager.resources.fluentcore.utils.ResourceManagerUtils;
import com.azure.resourcemanager.resources.models.Deployment;
import com.azure.resourcemanager.resources.models.DeploymentMode;
import com.azure.resourcemanager.resources.models.DeploymentProperties;
import io.github.partnerattribution.azurecore.AttributedClientFactory;
import io.github.partnerattribution.core.Attribution;
import io.github.partnerattribution.core.PartnerId;
import io.github.partnerattribution.test.ArmEmulator;
import io.github.partnerattribution.test.ArmEmulatorExtension;
import io.github.partnerattribution.test.RecordedRequest;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** DeploymentVerifier against the ArmEmulator, two items a page so that every list spans several pages. */
class DeploymentVerifierTest {
    @RegisterExtension
    static final ArmEmulatorExtension ARM = new ArmEmulatorExtension(2);

    static final PartnerId ID = PartnerId.parse("1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d");
    static final String SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#";

    static {
        // the emulator says Retry-After: 0, for which azure-core would wait its default interval
        ResourceManagerUtils.InternalRuntimeContext.setDelayProvider(delay -> Duration.ofMillis(1));
    }

    static String resource(String type, String name) {
        return "{\"type\":\"" + type + "\",\"apiVersion\":\"2023-01-01\",\"name\":\"" + name + "\",\"location\":\"westeurope\"}";
    }

    static String nested(String name, String innerResource) {
        return "{\"type\":\"Microsoft.Resources/deployments\",\"apiVersion\":\"2021-04-01\",\"name\":\"" + name + "\","
                + "\"properties\":{\"mode\":\"Incremental\",\"template\":{\"$schema\":\"" + SCHEMA + "\","
                + "\"contentVersion\":\"1.0.0.0\",\"resources\":[" + innerResource + "]}}}";
    }

    static String template(String... resources) {
        return "{\"$schema\":\"" + SCHEMA + "\",\"contentVersion\":\"1.0.0.0\",\"resources\":[" + String.join(",", resources) + "]}";
    }

    /** The solution: two storage accounts, two nested deployments with one resource each, the tracking resource. */
    static final String SOLUTION = template(
            resource("Microsoft.Storage/storageAccounts", "contosodata"),
            resource("Microsoft.Storage/storageAccounts", "contosologs"),
            nested("network", resource("Microsoft.Network/virtualNetworks", "contoso-vnet")),
            nested("security", resource("Microsoft.Network/networkSecurityGroups", "contoso-nsg")),
            nested(ID.token(), ""));

    AzureResourceManager azure() {
        return AttributedClientFactory.create(Attribution.of(ID, Map.of(), Map.of()))
                .configure(AzureResourceManager.configure().withHttpClient(ARM.emulator().nettyHttpClient()))
                .authenticate(ARM.emulator().credential(), ARM.emulator().azureProfile())
                .withSubscription(ArmEmulator.DEFAULT_SUBSCRIPTION_ID);
    }

    static Deployment deploy(AzureResourceManager azure, String name, String template) throws IOException {
        return azure.deployments().define(name).withExistingResourceGroup("contoso-rg").withTemplate(template)
                .withParameters("{}").withMode(DeploymentMode.INCREMENTAL).create();
    }

    @Test
    void findsTheRunsDeploymentsAndResourcesAcrossPagesAndIgnoresUnrelatedOnes() throws IOException {
        AzureResourceManager azure = azure();
        azure.resourceGroups().define("contoso-rg").withRegion(Region.EUROPE_WEST).create();
        deploy(azure, "unrelated-1", template(resource("Microsoft.Storage/storageAccounts", "other1")));
        Deployment solution = deploy(azure, "contoso-solution", SOLUTION);
        deploy(azure, "unrelated-2", template(resource("Microsoft.Storage/storageAccounts", "other2")));
        deploy(azure, "unrelated-3", template(resource("Microsoft.KeyVault/vaults", "other3")));

        VerificationResult result = DeploymentVerifier.create(azure).verifyResourceGroup("contoso-rg", ID);

        assertTrue(result.found(), result.message());
        assertEquals(ID.token(), result.trackingDeployment());
        assertEquals(solution.correlationId(), result.correlationId());
        assertEquals(List.of("contoso-solution", "network", "security", ID.token()), result.deployments());
        String rg = "/subscriptions/" + ArmEmulator.DEFAULT_SUBSCRIPTION_ID + "/resourceGroups/contoso-rg/providers/";
        assertEquals(List.of(rg + "Microsoft.Storage/storageAccounts/contosodata",
                rg + "Microsoft.Storage/storageAccounts/contosologs",
                rg + "Microsoft.Network/virtualNetworks/contoso-vnet",
                rg + "Microsoft.Network/networkSecurityGroups/contoso-nsg"), result.resourceIds());
        assertEquals(7, result.deploymentsSearched());
        assertEquals("Found " + ID.token() + " in resource group contoso-rg in subscription "
                + ArmEmulator.DEFAULT_SUBSCRIPTION_ID + ": 4 deployments of that run created 4 resources.", result.message());

        List<RecordedRequest> requests = ARM.emulator().requests();
        assertTrue(requests.stream().anyMatch(r -> r.path().contains("/deployments?") && r.path().contains("skiptoken")),
                "the deployment list was paged");
        assertTrue(requests.stream().anyMatch(r -> r.path().contains("/contoso-solution/operations") && r.path().contains("skiptoken")),
                "the operations list was paged");
        ARM.emulator().assertEveryRequestCarries(ID);
    }

    @Test
    void matchesANameThatStartsWithThePidWhenThereIsNoExactOne() throws IOException {
        AzureResourceManager azure = azure();
        azure.resourceGroups().define("contoso-rg").withRegion(Region.EUROPE_WEST).create();
        deploy(azure, "main", template(resource("Microsoft.Storage/storageAccounts", "s1"),
                nested(ID.token() + "-abc123", "")));
        VerificationResult result = DeploymentVerifier.create(azure).verifyResourceGroup("contoso-rg", ID);
        assertEquals(ID.token() + "-abc123", result.trackingDeployment());
        assertEquals(1, result.resourceIds().size());
    }

    @Test
    void notFoundIsAResultNamingWhatWasSearched() throws IOException {
        AzureResourceManager azure = azure();
        azure.resourceGroups().define("contoso-rg").withRegion(Region.EUROPE_WEST).create();
        deploy(azure, "main", template(resource("Microsoft.Storage/storageAccounts", "s1")));
        VerificationResult result = DeploymentVerifier.create(azure).verifyResourceGroup("contoso-rg", ID);
        assertFalse(result.found());
        assertNull(result.correlationId());
        assertEquals("Not found: no deployment named " + ID.token() + " (or starting with it) among the 1 deployments"
                + " of resource group contoso-rg in subscription " + ArmEmulator.DEFAULT_SUBSCRIPTION_ID + ".", result.message());
        assertTrue(result.json().contains("\"found\":false"), result.json());
    }

    @Test
    void verifiesAtSubscriptionScope() {
        AzureResourceManager azure = azure();
        Map<String, Object> template = Map.of("$schema", "https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#",
                "contentVersion", "1.0.0.0",
                "resources", List.of(
                        Map.of("type", "Microsoft.Resources/resourceGroups", "apiVersion", "2021-04-01", "name", "landing-zone",
                                "location", "westeurope"),
                        Map.of("type", "Microsoft.Resources/deployments", "apiVersion", "2021-04-01", "name", ID.token(),
                                "location", "westeurope", "properties", Map.of("mode", "Incremental", "template",
                                        Map.of("$schema", SCHEMA, "contentVersion", "1.0.0.0", "resources", List.of())))));
        azure.deployments().manager().deploymentClient().getDeployments().createOrUpdateAtSubscriptionScope("platform",
                new DeploymentInner().withLocation("westeurope").withProperties(new DeploymentProperties()
                        .withMode(DeploymentMode.INCREMENTAL).withTemplate(template)));
        VerificationResult result = DeploymentVerifier.create(azure).verifySubscription(ID);
        assertTrue(result.found(), result.message());
        assertEquals(List.of("platform", ID.token()), result.deployments());
        assertEquals(List.of("/subscriptions/" + ArmEmulator.DEFAULT_SUBSCRIPTION_ID
                + "/providers/Microsoft.Resources/resourceGroups/landing-zone"), result.resourceIds());
    }

    /** Names and ids come from the server: escape sequences in them must not reach a terminal as they are. */
    @Test
    void serverTextInTheReportIsEscaped() throws IOException {
        AzureResourceManager azure = azure();
        azure.resourceGroups().define("contoso-rg").withRegion(Region.EUROPE_WEST).create();
        deploy(azure, "solution", template(resource("Microsoft.Network/virtualNetworks",
                "vnet\\u001b]0;pwned\\u0007\\r\\nFound: forged"), nested(ID.token(), "")));
        VerificationResult result = DeploymentVerifier.create(azure).verifyResourceGroup("contoso-rg", ID);
        assertTrue(result.found(), result.text());
        String text = result.text();
        assertTrue(text.chars().noneMatch(c -> c == 0x1b || c == 0x07 || c == '\r'), text);
        assertTrue(text.contains("vnet\\u001B]0;pwned\\u0007\\u000D\\u000AFound: forged"), text);
    }

    /** A deployment PUT over plain HTTPS at any scope path, with a location as scopes above resource groups need. */
    static void put(String scopePath, String name, String template) throws Exception {
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder().sslContext(ARM.emulator().sslContext())
                .build();
        java.net.http.HttpResponse<String> response = client.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(ARM.emulator().endpoint() + (scopePath + "/providers/Microsoft.Resources/deployments/")
                        .substring(1) + name + "?api-version=2021-04-01"))
                .header("Authorization", "Bearer t").header("User-Agent", "test " + ID.token())
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"location\":\"westeurope\",\"properties\":"
                        + "{\"mode\":\"Incremental\",\"template\":" + template + "}}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertTrue(response.statusCode() < 300, response.body());
    }

    @Test
    void managementGroupAndTenantScopesAreVerifiedWhereLandingZonesDeploy() throws Exception {
        put("/providers/Microsoft.Management/managementGroups/contoso-platform", "alz", SOLUTION);
        put("/providers/Microsoft.Management/managementGroups/contoso-platform", "unrelated",
                template(resource("Microsoft.Storage/storageAccounts", "other")));
        put("", "tenant-setup", template(nested("mg-hierarchy", resource("Microsoft.Management/managementGroups",
                "contoso")), nested(ID.token(), "")));

        DeploymentVerifier verifier = DeploymentVerifier.create(azure());
        VerificationResult mg = verifier.verifyManagementGroup("contoso-platform", ID);
        assertTrue(mg.found(), mg.text());
        assertEquals(List.of("alz", "network", "security", ID.token()), mg.deployments());
        assertEquals(4, mg.resourceIds().size(), mg.text());
        assertTrue(mg.text().contains("management group contoso-platform"), mg.text());

        VerificationResult tenant = verifier.verifyTenant(ID);
        assertTrue(tenant.found(), tenant.text());
        assertEquals(List.of("tenant-setup", "mg-hierarchy", ID.token()), tenant.deployments());
        assertEquals(1, tenant.resourceIds().size(), tenant.text());

        assertFalse(verifier.verifyManagementGroup("elsewhere", ID).found());
    }

    @Test
    void outputResourcesAreASecondSourceAndTheResultSaysWhereTheyDiffer() throws Exception {
        AzureResourceManager azure = azure();
        azure.resourceGroups().define("contoso-rg").withRegion(Region.EUROPE_WEST).create();
        deploy(azure, "contoso-solution", SOLUTION);
        // the nested deployment "network" lists no operations: its virtual network is known from outputResources
        io.github.partnerattribution.test.internal.WireMockAccess.of(ARM.emulator()).stubFor(
                com.github.tomakehurst.wiremock.client.WireMock.get(com.github.tomakehurst.wiremock.client.WireMock
                        .urlPathMatching(".*/deployments/network/operations")).willReturn(
                        com.github.tomakehurst.wiremock.client.WireMock.okJson("{\"value\":[]}")));
        VerificationResult result = DeploymentVerifier.create(azure).verifyResourceGroup("contoso-rg", ID);
        assertEquals(4, result.resourceIds().size(), result.text());
        assertEquals(List.of(), result.onlyInOperations());
        assertEquals(1, result.onlyInOutputResources().size());
        assertTrue(result.onlyInOutputResources().get(0).endsWith("/virtualNetworks/contoso-vnet"), result.text());
        assertTrue(result.text().contains("contoso-vnet   (from outputResources only)"), result.text());
        assertTrue(result.json().contains("\"onlyInOutputResources\":[\""), result.json());
    }

    @Test
    void operationsReadInParallelGiveTheSameResultInTheSameOrder() throws Exception {
        AzureResourceManager azure = azure();
        azure.resourceGroups().define("contoso-rg").withRegion(Region.EUROPE_WEST).create();
        deploy(azure, "contoso-solution", SOLUTION);
        DeploymentVerifier verifier = DeploymentVerifier.create(azure);
        VerificationResult one = verifier.withParallelReads(1).verifyResourceGroup("contoso-rg", ID);
        VerificationResult many = verifier.withParallelReads(DeploymentVerifier.MAX_PARALLEL_READS)
                .verifyResourceGroup("contoso-rg", ID);
        assertEquals(one.json(), many.json());
        assertEquals(4, one.deployments().size());
        IllegalArgumentException zero = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> verifier.withParallelReads(0));
        assertEquals("parallel reads must be from 1 to 16, was 0", zero.getMessage());
    }

    @Test
    void nestedDeploymentsThatTargetOtherScopesAreFollowedWhereTheirIdsSay() throws Exception {
        String other = "11111111-2222-3333-4444-555555555555";
        // from a management group: one nested deployment into another subscription, which nests one into a
        // resource group there; neither is listed at the management group
        String rgLevel = "{\"type\":\"Microsoft.Resources/deployments\",\"apiVersion\":\"2021-04-01\",\"name\":"
                + "\"workload\",\"resourceGroup\":\"workload-rg\",\"properties\":{\"mode\":\"Incremental\","
                + "\"template\":{\"resources\":[" + resource("Microsoft.Web/sites", "contoso-app") + "]}}}";
        String subLevel = "{\"type\":\"Microsoft.Resources/deployments\",\"apiVersion\":\"2021-04-01\",\"name\":"
                + "\"landing-zone\",\"subscriptionId\":\"" + other + "\",\"location\":\"westeurope\",\"properties\":"
                + "{\"mode\":\"Incremental\",\"template\":{\"resources\":[" + resource("Microsoft.Network/virtualNetworks",
                "hub") + "," + rgLevel + "]}}}";
        put("/providers/Microsoft.Management/managementGroups/contoso-platform", "alz",
                template(subLevel, nested(ID.token(), "")));

        VerificationResult result = DeploymentVerifier.create(azure()).verifyManagementGroup("contoso-platform", ID);
        assertTrue(result.found(), result.text());
        assertEquals(List.of("alz", ID.token(), "/subscriptions/" + other + "/providers/Microsoft.Resources/deployments/"
                + "landing-zone", "/subscriptions/" + other + "/resourceGroups/workload-rg/providers/Microsoft.Resources/"
                + "deployments/workload"), result.deployments());
        assertEquals(List.of("/subscriptions/" + other + "/providers/Microsoft.Network/virtualNetworks/hub",
                "/subscriptions/" + other + "/resourceGroups/workload-rg/providers/Microsoft.Web/sites/contoso-app"),
                result.resourceIds(), result.text());
        assertEquals(List.of(), result.onlyInOperations());
        assertEquals(List.of(), result.onlyInOutputResources());
    }

    static String jsonString(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    static String operations(List<String> deploymentTargets) {
        StringBuilder value = new StringBuilder();
        for (String id : deploymentTargets) {
            value.append(value.length() == 0 ? "" : ",").append("{\"id\":\"op\",\"operationId\":\"op\","
                    + "\"properties\":{\"provisioningOperation\":\"Create\",\"provisioningState\":\"Succeeded\","
                    + "\"targetResource\":{\"id\":").append(jsonString(id)).append(",\"resourceType\":"
                    + "\"Microsoft.Resources/deployments\",\"resourceName\":\"x\"}}}");
        }
        return "{\"value\":[" + value + "]}";
    }

    /**
     * Ids of nested deployments come from the server: each is parsed against ARM's grammar and the request path is
     * built from its parts; one that does not parse is skipped with a note, never requested.
     */
    @Test
    void nestedDeploymentIdsOffTheGrammarAreSkippedWithANoteAndNeverRequested() throws Exception {
        AzureResourceManager azure = azure();
        azure.resourceGroups().define("contoso-rg").withRegion(Region.EUROPE_WEST).create();
        deploy(azure, "contoso-solution", SOLUTION);
        azure.resourceGroups().define("other-rg").withRegion(Region.EUROPE_WEST).create();
        String sub = "/subscriptions/" + ArmEmulator.DEFAULT_SUBSCRIPTION_ID;
        put(sub + "/resourceGroups/other-rg", "d-ok", template(resource("Microsoft.Web/sites", "contoso-app")));
        String deployments = "/providers/Microsoft.Resources/deployments/";
        List<String> hostile = List.of(
                sub + "/resourceGroups/rg2/providers/Microsoft.Web/sites/app/config/publishingcredentials?x="
                        + deployments + "d5",
                sub + "/resourceGroups/../../../../providers/Microsoft.Authorization/roleAssignments/r" + deployments + "d6",
                sub + "/resourceGroups/rg2" + deployments + "d7?api-version=1999-01-01&$expand=all&",
                sub + "/resourceGroups/rg2" + deployments + "d8#fragment",
                sub + "/resourceGroups/rg2" + deployments,
                sub + "/resourceGroups/rg%2F..%2Fx" + deployments + "d9",
                sub + "/resourceGroups/r\u001b[31mg" + deployments + "d10",
                sub + "/resourceGroups/rg2" + deployments + "d11\r\nX-Injected: 1",
                sub + "/resourceGroups/rg 2" + deployments + "d12",
                sub + "/resourceGroups/rg2\\..\\x" + deployments + "d13",
                sub + "/resourceGroups/rg2/providers/Microsoft.Web/sites/app",
                "subscriptions/x" + deployments + "d14");
        List<String> targets = new java.util.ArrayList<>(hostile);
        targets.add(sub + "/resourceGroups/other-rg" + deployments + "d-ok");
        io.github.partnerattribution.test.internal.WireMockAccess.of(ARM.emulator()).stubFor(
                com.github.tomakehurst.wiremock.client.WireMock.get(com.github.tomakehurst.wiremock.client.WireMock
                        .urlPathMatching(".*/deployments/security/operations")).willReturn(
                        com.github.tomakehurst.wiremock.client.WireMock.okJson(operations(targets))));
        int before = ARM.emulator().requests().size();

        VerificationResult result = DeploymentVerifier.create(azure).verifyResourceGroup("contoso-rg", ID);

        assertTrue(result.found(), result.text());
        assertEquals(hostile.size(), result.skipped().size(), result.text());
        assertTrue(result.deployments().contains(sub + "/resourceGroups/other-rg" + deployments + "d-ok"),
                result.text());
        assertTrue(result.resourceIds().contains(sub + "/resourceGroups/other-rg/providers/Microsoft.Web/sites/contoso-app"),
                result.text());
        List<RecordedRequest> requests = ARM.emulator().requests();
        java.util.regex.Pattern onTheGrammar = java.util.regex.Pattern.compile("/subscriptions/[-0-9a-f]+/resource[gG]roups/"
                + "(contoso-rg|other-rg)/(providers/Microsoft\\.Resources/)?deployments(/|/[-a-z0-9]+(/operations)?)?"
                + "\\?api-version=[0-9-]+(&(%24|\\$)skiptoken=[0-9]+)?");
        for (RecordedRequest r : requests.subList(before, requests.size())) {
            assertTrue(onTheGrammar.matcher(r.path()).matches(), "a request off the grammar: " + r.path());
        }
        assertTrue(result.skipped().get(0).startsWith("nested deployment \"" + sub + "/resourceGroups/rg2/providers/"
                + "Microsoft.Web/sites/app/config/publishingcredentials?x=/providers/Microsoft.Resources/deployments/d5\""
                + " is not a deployment id of ARM: it holds '?', which no ARM name does"), result.skipped().get(0));
        String text = result.text();
        assertTrue(text.chars().noneMatch(c -> c == 0x1b || c == '\r'), text);
        assertTrue(text.contains("skipped, not requested (" + hostile.size() + "):"), text);
        assertTrue(result.message().endsWith(hostile.size() + " ids from the server skipped, not requested."),
                result.message());
    }

    /** Names of the run's deployments become request paths too: one off the grammar is skipped with a note. */
    @Test
    void deploymentNamesOffTheGrammarAreNotRequested() throws Exception {
        String list = "{\"value\":[" + String.join(",",
                listed(ID.token()), listed(""), listed(".."), listed("a/b"), listed("x?api-version=1999-01-01"),
                listed("main")) + "]}";
        com.github.tomakehurst.wiremock.WireMockServer wiremock =
                io.github.partnerattribution.test.internal.WireMockAccess.of(ARM.emulator());
        wiremock.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(com.github.tomakehurst.wiremock.client
                .WireMock.urlPathMatching("(?i)/subscriptions/[^/]+/resourcegroups/evil-rg/providers/"
                        + "Microsoft.Resources/deployments/?")).willReturn(com.github.tomakehurst.wiremock.client.WireMock
                .okJson(list)));
        wiremock.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(com.github.tomakehurst.wiremock.client
                .WireMock.urlPathMatching(".*/operations")).willReturn(com.github.tomakehurst.wiremock.client.WireMock
                .okJson("{\"value\":[]}")));
        int before = ARM.emulator().requests().size();
        VerificationResult result = DeploymentVerifier.create(azure()).verifyResourceGroup("evil-rg", ID);
        assertTrue(result.found(), result.text());
        assertEquals(List.of(ID.token(), "main"), result.deployments());
        assertEquals(4, result.skipped().size(), result.text());
        assertEquals("deployment \"..\" of the run: its name is not an ARM deployment name, so its operations were"
                + " not read", result.skipped().get(1));
        List<RecordedRequest> requests = ARM.emulator().requests().subList(before, ARM.emulator().requests().size());
        assertEquals(3, requests.size(), requests.toString()); // the list, and the operations of the two named ones
        for (RecordedRequest r : requests) {
            assertFalse(r.path().contains("//") || r.path().contains("/../") || r.path().contains("a%2Fb")
                    || r.path().contains("1999"), r.path());
        }
    }

    static String listed(String name) {
        return "{\"id\":\"/subscriptions/s/resourceGroups/evil-rg/providers/Microsoft.Resources/deployments/x\","
                + "\"name\":" + jsonString(name) + ",\"properties\":{\"correlationId\":\"c-1\","
                + "\"provisioningState\":\"Succeeded\"}}";
    }
}
