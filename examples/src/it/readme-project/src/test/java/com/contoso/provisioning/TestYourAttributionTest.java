package com.contoso.provisioning;

// README: test-your-attribution
import com.azure.core.management.Region;
import com.azure.resourcemanager.AzureResourceManager;
import io.github.partnerattribution.azurecore.AttributedClientFactory;
import io.github.partnerattribution.core.Attribution;
import io.github.partnerattribution.core.PartnerId;
import io.github.partnerattribution.test.ArmEmulator;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestYourAttributionTest {
    static final PartnerId PARTNER = PartnerId.parse("1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d");

    @Test
    void everyRequestToArmCarriesOurPartnerId() {
        // The id in code; the two empty maps keep this machine's opt-out variables out of the test.
        Attribution attribution = Attribution.of(PARTNER, Map.of(), Map.of());
        AttributedClientFactory clients = AttributedClientFactory.create(attribution);
        try (ArmEmulator arm = ArmEmulator.start()) {
            AzureResourceManager azure = clients
                    .configure(AzureResourceManager.configure().withHttpClient(arm.nettyHttpClient()))
                    .authenticate(arm.credential(), arm.azureProfile())
                    .withDefaultSubscription();

            azure.resourceGroups().define("contoso-test").withRegion(Region.EUROPE_WEST).create();
            azure.resourceGroups().list().forEach(group -> { });

            arm.assertEveryRequestCarries(PARTNER);
        }
    }
}
// README: end
