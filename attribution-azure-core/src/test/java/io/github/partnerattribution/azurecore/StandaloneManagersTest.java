package io.github.partnerattribution.azurecore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.core.credential.TokenCredential;
import com.azure.core.management.profile.AzureProfile;
import com.azure.resourcemanager.appcontainers.ContainerAppsApiManager;
import com.azure.resourcemanager.datafactory.DataFactoryManager;
import com.azure.resourcemanager.loganalytics.LogAnalyticsManager;
import io.github.partnerattribution.core.Attribution;
import io.github.partnerattribution.core.PartnerId;
import io.github.partnerattribution.test.ArmEmulator;
import io.github.partnerattribution.test.ArmEmulatorExtension;
import io.github.partnerattribution.test.RecordedRequest;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Standalone generated managers (not in azure-resourcemanager, each with its own nested {@code Configurable} and no
 * common type with the fluent ones) through {@code clients.configure(XManager.configure())}, over Netty, against the
 * emulator: every request carries the token once, last, behind the manager's own User-Agent.
 */
class StandaloneManagersTest {
    @RegisterExtension
    static final ArmEmulatorExtension ARM = new ArmEmulatorExtension();
    static final PartnerId ID = PartnerId.parse("1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d");
    static final AttributedClientFactory CLIENTS = AttributedClientFactory.create(Attribution.of(ID, Map.of(), Map.of()));
    static final TokenCredential CREDENTIAL = ArmTestClients.CREDENTIAL;

    static AzureProfile profile() {
        return ArmTestClients.profile(ARM.emulator());
    }

    @AfterEach
    void clearProperty() {
        System.clearProperty(Attribution.PARTNER_ID_PROPERTY);
    }

    void assertEachRequestTaggedOnceBehind(String sdkUserAgentStart, int atLeast) {
        assertTrue(ARM.emulator().requests().size() >= atLeast, ARM.emulator().requests().toString());
        ARM.emulator().assertEveryRequestCarries(ID);
        for (RecordedRequest r : ARM.emulator().requests()) {
            assertEquals(200, r.status(), r.toString());
            assertTrue(r.userAgent().startsWith(sdkUserAgentStart), r.toString());
            assertTrue(r.userAgent().endsWith(" " + ID.token()), r.toString());
        }
    }

    @Test
    void containerApps() {
        ContainerAppsApiManager apps = CLIENTS.configure(ContainerAppsApiManager.configure()
                        .withHttpClient(ArmTestClients.NETTY.httpClient(ARM.emulator())))
                .authenticate(CREDENTIAL, profile());
        assertEquals(0, apps.containerApps().list().stream().count());
        assertEquals(0, apps.managedEnvironments().list().stream().count());
        assertEachRequestTaggedOnceBehind("azsdk-java-com.azure.resourcemanager.appcontainers/", 2);
    }

    @Test
    void logAnalytics() {
        LogAnalyticsManager logs = CLIENTS.configure(LogAnalyticsManager.configure()
                        .withHttpClient(ArmTestClients.NETTY.httpClient(ARM.emulator())))
                .authenticate(CREDENTIAL, profile());
        assertEquals(0, logs.workspaces().list().stream().count());
        assertEachRequestTaggedOnceBehind("azsdk-java-com.azure.resourcemanager.loganalytics/", 1);
    }

    @Test
    void dataFactory() {
        DataFactoryManager factories = CLIENTS.configure(DataFactoryManager.configure()
                        .withHttpClient(ArmTestClients.NETTY.httpClient(ARM.emulator())))
                .authenticate(CREDENTIAL, profile());
        assertEquals(0, factories.factories().list().stream().count());
        assertEachRequestTaggedOnceBehind("azsdk-java-com.azure.resourcemanager.datafactory/", 1);
    }

    @Test
    void withoutTheFactoryNothingIsTagged() {
        ContainerAppsApiManager.configure().withHttpClient(ArmTestClients.NETTY.httpClient(ARM.emulator()))
                .authenticate(CREDENTIAL, profile()).containerApps().list().stream().count();
        ARM.emulator().assertNoRequestCarriesAPartnerId();
    }

    @Test
    void zeroCodeReachesStandaloneManagersAndTheFactoryIsNotRepeated() {
        System.setProperty(Attribution.PARTNER_ID_PROPERTY, ID.guid());
        Consumer<ContainerAppsApiManager> listAll = m -> m.containerApps().list().stream().count();
        listAll.accept(ContainerAppsApiManager.configure().withHttpClient(ArmTestClients.NETTY.httpClient(ARM.emulator()))
                .authenticate(CREDENTIAL, profile()));
        listAll.accept(CLIENTS.configure(ContainerAppsApiManager.configure()
                .withHttpClient(ArmTestClients.NETTY.httpClient(ARM.emulator()))).authenticate(CREDENTIAL, profile()));
        assertEachRequestTaggedOnceBehind("azsdk-java-com.azure.resourcemanager.appcontainers/", 2);
        assertEquals(ArmEmulator.DEFAULT_SUBSCRIPTION_ID, profile().getSubscriptionId());
    }
}
