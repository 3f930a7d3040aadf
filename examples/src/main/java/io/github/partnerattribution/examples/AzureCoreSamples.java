package io.github.partnerattribution.examples;

// README: azure-core-imports
import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpPipeline;
import com.azure.core.management.profile.AzureProfile;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.resourcemanager.AzureResourceManager;
import com.azure.resourcemanager.appcontainers.ContainerAppsApiManager;
import com.azure.resourcemanager.storage.StorageManager;
import com.azure.security.keyvault.secrets.SecretClient;
import com.azure.security.keyvault.secrets.SecretClientBuilder;
import io.github.partnerattribution.azurecore.AttributedClientFactory;
import io.github.partnerattribution.azurecore.PartnerAttributionPolicy;
import io.github.partnerattribution.core.Attribution;
import io.github.partnerattribution.core.PartnerId;
// README: end

/**
 * The README's samples for attribution-azure-core, compiled in every build; the README quotes the regions between
 * the {@code README:} markers word for word (a test checks it).
 */
public final class AzureCoreSamples {
    private AzureCoreSamples() {
    }

    /** The factory: every ARM client of a provisioning program from one place. */
    public static AzureResourceManager factory(TokenCredential credential, AzureProfile profile, HttpPipeline pipeline) {
        // README: factory
        AttributedClientFactory clients = AttributedClientFactory.create(
                Attribution.of(PartnerId.parse("1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d")));

        AzureResourceManager azure = clients.configure(AzureResourceManager.configure()).authenticate(credential, profile)
                .withDefaultSubscription();
        StorageManager storage = clients.configure(StorageManager.configure()).authenticate(credential, profile);
        ContainerAppsApiManager apps = clients.configure(ContainerAppsApiManager.configure()).authenticate(credential, profile);
        AzureResourceManager fromPipeline = AzureResourceManager.authenticate(clients.tag(pipeline), profile)
                .withDefaultSubscription();
        // README: end
        return azure;
    }

    /** The policy, for any azure-core client builder. */
    public static SecretClient policy(String vaultUrl, TokenCredential credential) {
        // README: policy
        PartnerAttributionPolicy policy = PartnerAttributionPolicy.create(
                Attribution.of(PartnerId.parse("1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d")));

        SecretClient secrets = new SecretClientBuilder()
                .vaultUrl(vaultUrl)
                .credential(credential)
                .addPolicy(policy)
                .buildClient();
        // README: end
        return secrets;
    }

    /** Zero-code: nothing in the code, the id comes from -Dazure.partner.id or AZURE_PARTNER_ID. */
    public static AzureResourceManager zeroCode(AzureProfile profile) {
        // README: zero-code
        // java -Dazure.partner.id=1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d -jar provisioner.jar
        TokenCredential credential = new DefaultAzureCredentialBuilder().build();
        AzureResourceManager azure = AzureResourceManager.authenticate(credential, profile).withDefaultSubscription();
        // README: end
        return azure;
    }
}
