package io.github.partnerattribution.azurecore;

import com.azure.core.client.traits.HttpTrait;
import com.azure.core.credential.TokenCredential;
import com.azure.core.management.profile.AzureProfile;
import com.azure.core.util.logging.ClientLogger;
import com.azure.resourcemanager.AzureResourceManager;
import com.azure.resourcemanager.resources.fluentcore.arm.AzureConfigurable;
import io.github.partnerattribution.azurecore.internal.ArmClients;
import io.github.partnerattribution.azurecore.internal.Builders;
import io.github.partnerattribution.core.Attribution;

/**
 * One place to get every Azure client of a partner's provisioning code, each attributed to the partner: the Azure
 * SDKs have no global setting for the User-Agent, so every client must be tagged, and this factory tags each one
 * it is handed.
 *
 * <ul>
 *   <li>{@link #tag(HttpTrait)} adds a {@link PartnerAttributionPolicy} to any azure-core client builder and hands
 *       the builder back.</li>
 *   <li>{@link #configure(AzureConfigurable)} does the same for Azure Resource Manager: {@code AzureResourceManager}
 *       and every manager's {@code configure()} ({@code ResourceManager}, {@code StorageManager}, ...);
 *       {@link #azureResourceManager(TokenCredential, AzureProfile)} is the shortcut for the usual entry point.</li>
 * </ul>
 *
 * <p>azure-resourcemanager is an optional dependency: a user who only tags builders does not need it.
 *
 * <pre>{@code
 * AttributedClientFactory clients = AttributedClientFactory.create(Attribution.of(partnerId));
 * AzureResourceManager azure = clients.azureResourceManager(credential, profile).withDefaultSubscription();
 * StorageManager storage = clients.configure(StorageManager.configure()).authenticate(credential, profile);
 * BlobServiceClient blobs = clients.tag(new BlobServiceClientBuilder()).endpoint(url).credential(credential)
 *         .buildClient();
 * }</pre>
 */
public final class AttributedClientFactory {
    private static final ClientLogger LOGGER = new ClientLogger(AttributedClientFactory.class);

    private final Attribution attribution;

    private AttributedClientFactory(Attribution attribution) {
        this.attribution = attribution;
    }

    /**
     * A factory that attributes with the given configuration.
     *
     * @param attribution what to attribute; {@link Attribution#of} honours the customer's opt-out
     * @return the factory
     */
    public static AttributedClientFactory create(Attribution attribution) {
        if (attribution == null) {
            throw new NullPointerException("attribution must not be null");
        }
        return new AttributedClientFactory(attribution);
    }

    /** @return the configuration this factory applies */
    public Attribution attribution() {
        return attribution;
    }

    /**
     * A new policy for this factory's configuration, for a client this factory cannot reach (for example a
     * generated {@code azure-resourcemanager-*} manager: {@code XManager.configure().withPolicy(clients.policy())}).
     *
     * @return a new policy; use one per client, so that its warnings are per client
     */
    public PartnerAttributionPolicy policy() {
        return PartnerAttributionPolicy.create(attribution);
    }

    /**
     * Adds the attribution policy to an azure-core client builder.
     *
     * @param builder any builder implementing {@link HttpTrait}
     * @param <T> the builder's type
     * @return the same builder
     * @throws IllegalStateException if the builder already holds a complete {@code pipeline(...)}: azure-core then
     *     ignores added policies, so the tag could not take effect
     */
    public <T extends HttpTrait<T>> T tag(T builder) {
        if (builder == null) {
            throw new NullPointerException("builder must not be null");
        }
        if (Builders.holdsPipeline(builder)) {
            throw new IllegalStateException(builder.getClass().getName() + " already holds a complete pipeline(...);"
                    + " azure-core ignores addPolicy on such a builder, so partner attribution cannot take effect."
                    + " Give the builder an httpClient(...) instead of a pipeline, or build that pipeline with"
                    + " AttributedClientFactory.policy() among its policies.");
        }
        builder.addPolicy(policy());
        logActive(builder.getClass().getSimpleName());
        return builder;
    }

    /**
     * Adds the attribution policy to an Azure Resource Manager configuration: {@code AzureResourceManager.configure()}
     * or any manager's {@code configure()}.
     *
     * @param configurable the configuration, before {@code authenticate(...)}
     * @param <T> its type
     * @return the same configuration
     */
    public <T extends AzureConfigurable<T>> T configure(T configurable) {
        if (configurable == null) {
            throw new NullPointerException("configurable must not be null");
        }
        configurable.withPolicy(policy());
        logActive(configurable.getClass().getName());
        return configurable;
    }

    /**
     * Authenticates an attributed {@link AzureResourceManager}: the same as
     * {@code configure(AzureResourceManager.configure()).authenticate(credential, profile)}.
     *
     * @param credential the credential
     * @param profile the cloud, tenant and subscription
     * @return the authenticated entry point; choose the subscription next
     */
    public AzureResourceManager.Authenticated azureResourceManager(TokenCredential credential, AzureProfile profile) {
        return ArmClients.authenticate(this, credential, profile);
    }

    @Override
    public String toString() {
        return "AttributedClientFactory[" + attribution + "]";
    }

    private void logActive(String client) {
        if (attribution.isActive()) {
            LOGGER.info("Partner attribution active for {}: {} (from {})", client, attribution.partnerId(),
                    attribution.source());
        } else if (attribution.isOptedOut()) {
            LOGGER.info("Partner attribution is off for {}: the customer opted out", client);
        }
    }
}
