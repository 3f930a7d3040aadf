package io.github.partnerattribution.azurecore;

import com.azure.core.client.traits.HttpTrait;
import com.azure.core.http.HttpPipeline;
import io.github.partnerattribution.azurecore.internal.Builders;
import io.github.partnerattribution.azurecore.internal.Pipelines;
import io.github.partnerattribution.azurecore.support.Reports;
import io.github.partnerattribution.core.Attribution;
import java.lang.reflect.Method;

/**
 * One place to get every Azure client of a partner's provisioning code, each attributed to the partner: the Azure
 * SDKs have no global setting for the User-Agent, so every client must be tagged, and this factory tags each one
 * it is handed.
 *
 * <ul>
 *   <li>{@link #tag(HttpTrait)} adds a {@link PartnerAttributionPolicy} to any azure-core client builder and hands
 *       the builder back.</li>
 *   <li>{@link #configure(Object)} does the same for Azure Resource Manager: {@code AzureResourceManager.configure()},
 *       the fluent managers' {@code configure()} ({@code ResourceManager}, {@code StorageManager}, ...) and the
 *       standalone generated managers' {@code configure()} ({@code ContainerAppsApiManager},
 *       {@code LogAnalyticsManager}, ...).</li>
 *   <li>{@link #tag(HttpPipeline)} returns a hand-built pipeline with the policy in it, for
 *       {@code AzureResourceManager.authenticate(pipeline, profile)}, a builder's {@code pipeline(...)}, or any
 *       manager's {@code authenticate(pipeline, profile)}.</li>
 * </ul>
 *
 * <p>azure-resourcemanager is an optional dependency: a user who only tags builders, pipelines or standalone
 * managers does not need it, at compile time or at run time. No signature of this class names one of its types (or
 * azure-core-management's), so frameworks that read every method of a bean's class, such as Spring, can make it a
 * bean in an application that has only azure-core.
 *
 * <pre>{@code
 * AttributedClientFactory clients = AttributedClientFactory.create(Attribution.of(partnerId));
 * AzureResourceManager azure = clients.configure(AzureResourceManager.configure()).authenticate(credential, profile)
 *         .withDefaultSubscription();
 * StorageManager storage = clients.configure(StorageManager.configure()).authenticate(credential, profile);
 * ContainerAppsApiManager apps = clients.configure(ContainerAppsApiManager.configure())
 *         .authenticate(credential, profile);
 * BlobServiceClient blobs = clients.tag(new BlobServiceClientBuilder()).endpoint(url).credential(credential)
 *         .buildClient();
 * }</pre>
 */
public final class AttributedClientFactory {
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

    /** {@return the configuration this factory applies} */
    public Attribution attribution() {
        return attribution;
    }

    /**
     * A new policy for this factory's configuration, for a client this factory cannot reach (a pipeline built by
     * hand among other policies: {@code new HttpPipelineBuilder().policies(..., clients.policy(), ...)}).
     *
     * @return a new policy; use one per client, so that its warnings are per client
     */
    public PartnerAttributionPolicy policy() {
        return new PartnerAttributionPolicy(attribution, "AttributedClientFactory");
    }

    /**
     * Adds the attribution policy to an azure-core client builder. A {@code pipeline(...)} given to the builder
     * afterwards replaces everything, this policy included: tag that pipeline with {@link #tag(HttpPipeline)}.
     *
     * @param builder any builder implementing {@link HttpTrait}
     * @param <T> the builder's type
     * @return the same builder
     * @throws IllegalStateException if the builder already holds a complete {@code pipeline(...)}: azure-core then
     *     ignores added policies, so the tag could not take effect; tag the pipeline with {@link #tag(HttpPipeline)}
     */
    public <T extends HttpTrait<T>> T tag(T builder) {
        if (builder == null) {
            throw new NullPointerException("builder must not be null");
        }
        if (Builders.holdsPipeline(builder)) {
            throw new IllegalStateException(builder.getClass().getName() + " already holds a complete pipeline(...);"
                    + " azure-core ignores addPolicy on such a builder, so partner attribution cannot take effect."
                    + " Tag the pipeline itself with tag(pipeline) before you give it to the builder, or give the"
                    + " builder an httpClient(...) instead of a pipeline.");
        }
        builder.addPolicy(policy());
        logActive(builder.getClass().getSimpleName());
        return builder;
    }

    /**
     * Adds the attribution policy to an Azure Resource Manager configuration, before {@code authenticate(...)}:
     * {@code AzureResourceManager.configure()}, a fluent manager's {@code configure()} (their common type is
     * {@code AzureConfigurable}), or a standalone generated manager's {@code configure()} (each its own nested
     * {@code Configurable} class). They share no type, but each has a public {@code withPolicy(HttpPipelinePolicy)},
     * which this method calls, so no per-service code is needed and the result keeps the configuration's own type:
     * {@code clients.configure(XManager.configure()).authenticate(credential, profile)} compiles for every manager,
     * with or without azure-resourcemanager on the class path.
     *
     * @param configurable the configuration
     * @param <T> its type
     * @return the same configuration
     * @throws IllegalArgumentException if the object has no public {@code withPolicy(HttpPipelinePolicy)}, checked
     *     at once (an azure-core client builder goes to {@link #tag(HttpTrait)} instead)
     */
    public <T> T configure(T configurable) {
        if (configurable == null) {
            throw new NullPointerException("configurable must not be null");
        }
        Method withPolicy = Builders.withPolicy(configurable.getClass());
        if (withPolicy == null) {
            throw new IllegalArgumentException(configurable.getClass().getName() + " has no public"
                    + " withPolicy(HttpPipelinePolicy), so it is not an Azure Resource Manager configuration. Pass"
                    + " AzureResourceManager.configure() or a manager's configure() (ResourceManager.configure(),"
                    + " ContainerAppsApiManager.configure(), ...); tag an azure-core client builder with"
                    + " tag(builder) and a pipeline with tag(pipeline).");
        }
        Builders.callWithPolicy(withPolicy, configurable, policy());
        logActive(configurable.getClass().getName());
        return configurable;
    }

    /**
     * A copy of a finished pipeline with the attribution policy in it, for code that builds its own
     * {@link HttpPipeline} (azure-core ignores policies added to a builder once it has a whole {@code pipeline(...)},
     * and zero-code mode reaches only pipelines that client builders build). The policy goes right after the
     * pipeline's User-Agent policy, or last when there is none; the other policies, their order, the HTTP client and
     * the tracer are kept. Tagging a pipeline that already carries a {@link PartnerAttributionPolicy} returns it as
     * it is.
     *
     * <pre>{@code
     * AzureResourceManager azure = AzureResourceManager.authenticate(clients.tag(pipeline), profile)
     *         .withDefaultSubscription();
     * }</pre>
     *
     * @param pipeline the pipeline, as built
     * @return a new pipeline that attributes every request, or {@code pipeline} itself when it already does
     */
    public HttpPipeline tag(HttpPipeline pipeline) {
        if (pipeline == null) {
            throw new NullPointerException("pipeline must not be null");
        }
        HttpPipeline tagged = Pipelines.withPolicy(pipeline, policy());
        if (tagged != pipeline) {
            logActive("a hand-built HttpPipeline");
        }
        return tagged;
    }

    @Override
    public String toString() {
        return "AttributedClientFactory[" + attribution + "]";
    }

    private void logActive(String client) {
        if (attribution.isActive()) {
            Reports.sink().info("Partner attribution active for " + client + ": " + attribution.partnerId()
                    + " (from " + attribution.source() + ")");
        }
    }
}
