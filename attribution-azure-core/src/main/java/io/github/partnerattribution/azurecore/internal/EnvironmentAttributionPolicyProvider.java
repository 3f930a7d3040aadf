package io.github.partnerattribution.azurecore.internal;

import com.azure.core.http.policy.BeforeRetryPolicyProvider;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.util.logging.ClientLogger;
import io.github.partnerattribution.azurecore.PartnerAttributionPolicy;
import io.github.partnerattribution.core.Attribution;

/**
 * Zero-code mode: azure-core loads this provider through {@code META-INF/services} once per JVM and asks it for a
 * policy for every pipeline a client builder or azure-resourcemanager builds. It attributes when
 * {@link Attribution#fromEnvironment()} has an id and the customer did not opt out; otherwise it gives a
 * pass-through policy, never null (azure-core fails on null). A malformed id in the environment fails the
 * client's construction, naming the variable. Not API: the service file is the interface.
 */
public final class EnvironmentAttributionPolicyProvider implements BeforeRetryPolicyProvider {
    private static final ClientLogger LOGGER = new ClientLogger(EnvironmentAttributionPolicyProvider.class);

    /** Called by {@link java.util.ServiceLoader}. */
    public EnvironmentAttributionPolicyProvider() {
    }

    @Override
    public HttpPipelinePolicy create() {
        Attribution attribution = Attribution.fromEnvironment();
        if (!attribution.isActive()) {
            return PassThroughPolicy.INSTANCE;
        }
        LOGGER.info("Partner attribution active for a new client pipeline: {} (from {})", attribution.partnerId(),
                attribution.source());
        return PartnerAttributionPolicy.create(attribution);
    }
}
