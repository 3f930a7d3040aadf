package io.github.partnerattribution.azurecore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.policy.BearerTokenAuthenticationPolicy;
import com.azure.core.http.policy.RetryPolicy;
import com.azure.core.http.policy.UserAgentPolicy;
import com.azure.core.management.Region;
import com.azure.core.util.Configuration;
import com.azure.resourcemanager.AzureResourceManager;
import com.azure.resourcemanager.resources.ResourceManager;
import com.azure.resourcemanager.resources.models.Deployment;
import com.azure.resourcemanager.resources.models.DeploymentMode;
import com.azure.resourcemanager.storage.StorageManager;
import com.azure.resourcemanager.storage.models.StorageAccount;
import io.github.partnerattribution.azurecore.support.Reports;
import io.github.partnerattribution.core.Attribution;
import io.github.partnerattribution.core.InvalidPartnerIdException;
import io.github.partnerattribution.core.PartnerId;
import io.github.partnerattribution.core.UserAgents;
import io.github.partnerattribution.test.ArmEmulator;
import io.github.partnerattribution.test.ArmEmulatorExtension;
import io.github.partnerattribution.test.RecordedRequest;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;

/**
 * Real azure-resourcemanager clients over a real azure-core HTTP client, against the ArmEmulator on loopback:
 * every request of a provisioning run must carry the partner id once, last, behind the SDK's own User-Agent.
 */
abstract class AbstractArmAttributionTest {
    @RegisterExtension
    static final ArmEmulatorExtension ARM = new ArmEmulatorExtension();

    static final PartnerId ID = PartnerId.parse("1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d");
    static final Map<String, String> NO_ENV = Map.of();
    static final String TEMPLATE = "{\"$schema\":\"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#\","
            + "\"contentVersion\":\"1.0.0.0\",\"resources\":[{\"type\":\"Microsoft.Storage/storageAccounts\","
            + "\"apiVersion\":\"2023-01-01\",\"name\":\"tmplstore1\",\"location\":\"westeurope\","
            + "\"sku\":{\"name\":\"Standard_LRS\"},\"kind\":\"StorageV2\"},"
            + "{\"type\":\"Microsoft.Resources/deployments\",\"apiVersion\":\"2021-04-01\",\"name\":\"" + ID.token() + "\","
            + "\"properties\":{\"mode\":\"Incremental\",\"template\":{\"$schema\":\"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#\","
            + "\"contentVersion\":\"1.0.0.0\",\"resources\":[]}}}]}";

    static {
        ArmTestClients.pollWithoutWaiting();
    }

    abstract ArmTestClients client();

    ArmEmulator arm() {
        return ARM.emulator();
    }

    AzureResourceManager azure(Attribution attribution) {
        return AttributedClientFactory.create(attribution)
                .configure(AzureResourceManager.configure()
                        .withHttpClient(client().httpClient(arm()))
                        .withRetryOptions(ArmTestClients.FAST_RETRIES))
                .authenticate(ArmTestClients.CREDENTIAL, ArmTestClients.profile(arm()))
                .withSubscription(ArmEmulator.DEFAULT_SUBSCRIPTION_ID);
    }

    /** A plain client, as partner code that never heard of this library builds it. */
    AzureResourceManager plainAzure() {
        return AzureResourceManager.configure()
                .withHttpClient(client().httpClient(arm()))
                .withRetryOptions(ArmTestClients.FAST_RETRIES)
                .authenticate(ArmTestClients.CREDENTIAL, ArmTestClients.profile(arm()))
                .withSubscription(ArmEmulator.DEFAULT_SUBSCRIPTION_ID);
    }

    @AfterEach
    void clearZeroCodeProperties() {
        System.clearProperty(Attribution.PARTNER_ID_PROPERTY);
        System.clearProperty(Attribution.DISABLED_PROPERTY);
    }

    /** Creates a resource group and a storage account (polled), lists, deploys a template, reads it back, deletes. */
    static void provisionSync(AzureResourceManager azure) throws IOException {
        azure.resourceGroups().define("rg-attribution").withRegion(Region.EUROPE_WEST).create();
        StorageAccount account = azure.storageAccounts().define("attributedstore")
                .withRegion(Region.EUROPE_WEST).withExistingResourceGroup("rg-attribution").create();
        assertEquals("attributedstore", account.name());
        assertEquals(1, azure.storageAccounts().listByResourceGroup("rg-attribution").stream().count());
        Deployment deployment = azure.deployments().define("main").withExistingResourceGroup("rg-attribution")
                .withTemplate(TEMPLATE).withParameters("{}").withMode(DeploymentMode.INCREMENTAL).create();
        assertEquals("Succeeded", azure.deployments().getByResourceGroup("rg-attribution", "main").provisioningState());
        assertFalse(deployment.correlationId().isEmpty());
        azure.storageAccounts().deleteById(account.id());
        azure.resourceGroups().beginDeleteByName("rg-attribution");
    }

    static void provisionAsync(AzureResourceManager azure) {
        azure.resourceGroups().define("rg-async").withRegion(Region.EUROPE_WEST).createAsync()
                .flatMap(group -> azure.storageAccounts().define("asyncstore").withRegion(Region.EUROPE_WEST)
                        .withExistingResourceGroup(group.name()).createAsync())
                .flatMap(account -> azure.storageAccounts().listByResourceGroupAsync("rg-async").count())
                .flatMap(count -> deployAsync(azure))
                .flatMap(d -> azure.deployments().getByResourceGroupAsync("rg-async", "main"))
                .flatMap(d -> azure.resourceGroups().deleteByNameAsync("rg-async"))
                .block();
    }

    private static Mono<Deployment> deployAsync(AzureResourceManager azure) {
        try {
            return azure.deployments().define("main").withExistingResourceGroup("rg-async")
                    .withTemplate(TEMPLATE).withParameters("{}").withMode(DeploymentMode.INCREMENTAL).createAsync();
        } catch (IOException e) {
            return Mono.error(e);
        }
    }

    interface Scenario {
        void run() throws Exception;
    }

    /** Every request: one User-Agent, the SDK's own value unchanged, then " " + token, nothing after it. */
    void assertEveryRequestAttributedBehind(Set<String> sdkUserAgents) {
        arm().assertEveryRequestCarries(ID);
        for (RecordedRequest r : arm().requests()) {
            String ua = r.userAgent();
            assertTrue(ua.endsWith(" " + ID.token()), r.toString());
            String sdkPart = ua.substring(0, ua.length() - ID.token().length() - 1);
            assertTrue(sdkPart.startsWith("azsdk-java-"), r.toString());
            assertTrue(sdkUserAgents.contains(sdkPart), () -> r + " has an SDK part not seen without attribution: "
                    + sdkUserAgents);
        }
    }

    Set<String> baselineUserAgents(Scenario scenario) throws Exception {
        scenario.run();
        Set<String> seen = arm().requests().stream().map(RecordedRequest::userAgent).collect(Collectors.toSet());
        arm().assertNoRequestCarriesAPartnerId();
        arm().reset();
        return seen;
    }

    @Test
    void everySyncRequestIsAttributedOnceBehindTheSdkUserAgent() throws Exception {
        Set<String> baseline = baselineUserAgents(() -> provisionSync(azure(Attribution.none())));
        provisionSync(azure(Attribution.of(ID, NO_ENV, NO_ENV)));
        List<RecordedRequest> requests = arm().requests();
        assertTrue(requests.stream().anyMatch(r -> r.path().contains("/asyncoperations/")),
                "the storage account's long-running operation was polled: " + requests);
        assertTrue(requests.stream().anyMatch(r -> r.method().equals("PUT") && r.path().contains("/deployments/main")));
        assertEveryRequestAttributedBehind(baseline);
    }

    @Test
    void everyAsyncRequestIsAttributedOnceBehindTheSdkUserAgent() throws Exception {
        Set<String> baseline = baselineUserAgents(() -> provisionAsync(azure(Attribution.none())));
        provisionAsync(azure(Attribution.of(ID, NO_ENV, NO_ENV)));
        assertTrue(arm().requests().size() >= 8, arm().requests().toString());
        assertEveryRequestAttributedBehind(baseline);
    }

    @Test
    void everyRetryAfter503CarriesTheTokenOnce() throws Exception {
        AzureResourceManager azure = azure(Attribution.of(ID, NO_ENV, NO_ENV));
        arm().failNext(2, 503, Map.of());
        azure.resourceGroups().define("rg-retry").withRegion(Region.EUROPE_WEST).create();
        List<RecordedRequest> requests = arm().requests();
        assertEquals(List.of(503, 503, 201), requests.stream().map(RecordedRequest::status).collect(Collectors.toList()));
        arm().assertEveryRequestCarries(ID);
    }

    @Test
    void everyRetryAfter429CarriesTheTokenOnce() throws Exception {
        AzureResourceManager azure = azure(Attribution.of(ID, NO_ENV, NO_ENV));
        azure.resourceGroups().define("rg-throttled").withRegion(Region.EUROPE_WEST).create();
        arm().reset();
        azure.resourceGroups().define("rg-throttled").withRegion(Region.EUROPE_WEST).create();
        arm().failNext(2, 429, Map.of("Retry-After", "0"));
        azure.resourceGroups().getByName("rg-throttled");
        List<RecordedRequest> requests = arm().requests();
        assertEquals(List.of(201, 429, 429, 200), requests.stream().map(RecordedRequest::status).collect(Collectors.toList()));
        arm().assertEveryRequestCarries(ID);
    }

    @Test
    void individualManagersAreAttributedThroughConfigure() throws Exception {
        AttributedClientFactory factory = AttributedClientFactory.create(Attribution.of(ID, NO_ENV, NO_ENV));
        ResourceManager resources = factory.configure(ResourceManager.configure()
                        .withHttpClient(client().httpClient(arm())).withRetryOptions(ArmTestClients.FAST_RETRIES))
                .authenticate(ArmTestClients.CREDENTIAL, ArmTestClients.profile(arm()))
                .withSubscription(ArmEmulator.DEFAULT_SUBSCRIPTION_ID);
        StorageManager storage = factory.configure(StorageManager.configure()
                        .withHttpClient(client().httpClient(arm())).withRetryOptions(ArmTestClients.FAST_RETRIES))
                .authenticate(ArmTestClients.CREDENTIAL, ArmTestClients.profile(arm()));
        resources.resourceGroups().define("rg-managers").withRegion(Region.EUROPE_WEST).create();
        storage.storageAccounts().define("managerstore").withRegion(Region.EUROPE_WEST)
                .withExistingResourceGroup("rg-managers").create();
        assertTrue(arm().requests().size() >= 4, arm().requests().toString());
        arm().assertEveryRequestCarries(ID);
    }

    @Test
    void theCustomerOptOutLeavesEveryRequestUntouched() throws Exception {
        Attribution optedOut = Attribution.of(ID, NO_ENV, Map.of(Attribution.DISABLED_VARIABLE, "true"));
        provisionSync(azure(optedOut));
        arm().assertNoRequestCarriesAPartnerId();
    }

    @Test
    void zeroCodeAttributesAPlainClientFromTheSystemProperty() throws Exception {
        System.setProperty(Attribution.PARTNER_ID_PROPERTY, ID.guid());
        provisionSync(plainAzure());
        arm().assertEveryRequestCarries(ID);
    }

    @Test
    void zeroCodeHonoursTheOptOutProperty() throws Exception {
        System.setProperty(Attribution.PARTNER_ID_PROPERTY, ID.guid());
        System.setProperty(Attribution.DISABLED_PROPERTY, "true");
        provisionSync(plainAzure());
        arm().assertNoRequestCarriesAPartnerId();
    }

    @Test
    void zeroCodeWithoutAnyIdLeavesRequestsUntouched() throws Exception {
        provisionSync(plainAzure());
        arm().assertNoRequestCarriesAPartnerId();
    }

    @Test
    void factoryAndZeroCodeTogetherStillSendTheTokenOnce() throws Exception {
        System.setProperty(Attribution.PARTNER_ID_PROPERTY, ID.token());
        provisionSync(azure(Attribution.of(ID, NO_ENV, NO_ENV)));
        arm().assertEveryRequestCarries(ID);
    }

    @Test
    void aMalformedIdInTheEnvironmentLeavesZeroCodeOffAndTheClientWorking() throws Exception {
        System.setProperty(Attribution.PARTNER_ID_PROPERTY, "eb7927c8-dd66-43e1-b0cf-c346a422063");
        provisionSync(plainAzure());
        assertTrue(arm().requests().size() >= 8, arm().requests().toString());
        arm().assertNoRequestCarriesAPartnerId();
    }

    @Test
    void theExplicitApiStillFailsFastOnAMalformedId() {
        System.setProperty(Attribution.PARTNER_ID_PROPERTY, "eb7927c8-dd66-43e1-b0cf-c346a422063");
        InvalidPartnerIdException e = assertThrows(InvalidPartnerIdException.class, Attribution::fromEnvironment);
        assertTrue(e.getMessage().contains("system property azure.partner.id"), e.getMessage());
        assertTrue(e.getMessage().contains("group 5 has 11 hex digits; it needs 12"), e.getMessage());
    }

    /**
     * A pipeline built by hand is out of zero-code's reach (only client builders call the providers) and ignores
     * the factory's configure(); tag(pipeline) covers it. The SDK's own User-Agent policy stays first.
     */
    @Test
    void aHandBuiltPipelineIsAttributedOnlyOnceTagged() throws Exception {
        System.setProperty(Attribution.PARTNER_ID_PROPERTY, ID.guid());
        HttpPipeline handBuilt = new HttpPipelineBuilder()
                .httpClient(client().httpClient(arm()))
                .policies(new UserAgentPolicy("contoso-provisioner", "contoso-provisioner", "1.0", Configuration.NONE),
                        new RetryPolicy(ArmTestClients.FAST_RETRIES),
                        new BearerTokenAuthenticationPolicy(ArmTestClients.CREDENTIAL, "https://management.azure.com/.default"))
                .build();
        provisionSync(AzureResourceManager.authenticate(handBuilt, ArmTestClients.profile(arm()))
                .withSubscription(ArmEmulator.DEFAULT_SUBSCRIPTION_ID));
        arm().assertNoRequestCarriesAPartnerId();
        arm().reset();
        System.clearProperty(Attribution.PARTNER_ID_PROPERTY);

        AttributedClientFactory factory = AttributedClientFactory.create(Attribution.of(ID, NO_ENV, NO_ENV));
        provisionSync(AzureResourceManager.authenticate(factory.tag(handBuilt), ArmTestClients.profile(arm()))
                .withSubscription(ArmEmulator.DEFAULT_SUBSCRIPTION_ID));
        assertTrue(arm().requests().size() >= 8, arm().requests().toString());
        arm().assertEveryRequestCarries(ID);
        for (RecordedRequest r : arm().requests()) {
            assertTrue(r.userAgent().startsWith("contoso-provisioner azsdk-java-contoso-provisioner/1.0 "), r.toString());
        }
    }

    /**
     * A different id in the environment does not ride along on a client attributed in code: the id in code is the
     * only one, last, and the decision is one warning per JVM naming both. Plain clients still get the environment's.
     */
    @Test
    void theIdInCodeWinsOverADifferentOneInTheEnvironmentAndSaysSo() throws Exception {
        PartnerId other = PartnerId.parse("9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a");
        System.setProperty(Attribution.PARTNER_ID_PROPERTY, other.guid());
        List<String> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();
        Reports.redirectForTests(new Reports.Sink() {
            @Override
            public void error(String message) {
                warnings.add(message);
            }

            @Override
            public void warning(String message) {
                warnings.add(message);
            }

            @Override
            public void info(String message) {
            }
        });
        try {
            AzureResourceManager inCode = azure(Attribution.of(ID, NO_ENV, NO_ENV));
            inCode.resourceGroups().define("rg-two").withRegion(Region.EUROPE_WEST).create();
            inCode.resourceGroups().list().forEach(group -> { });
            arm().assertEveryRequestCarries(ID);
            for (RecordedRequest r : arm().requests()) {
                assertEquals(List.of(ID), UserAgents.partnerIds(r.userAgent()), r.toString());
            }
            assertEquals(List.of("Partner attribution: the system property azure.partner.id sets " + other.token()
                    + ", but a client attributed in code with " + ID.token() + " sends only the id in code; zero-code"
                    + " mode adds " + other.token() + " to the other clients of this JVM. Use one partner id, or unset"
                    + " the system property azure.partner.id."), warnings);

            arm().reset();
            plainAzure().resourceGroups().list().forEach(group -> { });
            arm().assertEveryRequestCarries(other);
        } finally {
            Reports.redirectForTests(null);
        }
    }
}
