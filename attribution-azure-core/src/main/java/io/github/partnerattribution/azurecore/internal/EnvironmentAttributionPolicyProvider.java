package io.github.partnerattribution.azurecore.internal;

import com.azure.core.http.policy.BeforeRetryPolicyProvider;
import com.azure.core.http.policy.HttpPipelinePolicy;
import io.github.partnerattribution.azurecore.support.ZeroCodeSettings;
import io.github.partnerattribution.core.Attribution;

/**
 * Zero-code mode: azure-core loads this provider through {@code META-INF/services} once per JVM and asks it for a
 * policy for every pipeline a client builder or azure-resourcemanager builds, in any client of the JVM, including
 * ones that have nothing to do with the partner. So it must never break one: it attributes when
 * {@link Attribution#fromEnvironment()} has an id and the customer did not opt out, and otherwise gives a
 * pass-through policy, never null (azure-core fails on null) and never an exception. A malformed setting is
 * reported once per JVM at error level, naming the setting and the problem, and then nothing is attributed.
 * Not API: the service file is the interface.
 */
public final class EnvironmentAttributionPolicyProvider implements BeforeRetryPolicyProvider {
    /** Called by {@link java.util.ServiceLoader}. */
    public EnvironmentAttributionPolicyProvider() {
    }

    @Override
    public HttpPipelinePolicy create() {
        HttpPipelinePolicy policy = ZeroCodeSettings.policy("zero-code mode", ZeroCodeSettings.via());
        return policy == null ? PassThroughPolicy.INSTANCE : policy;
    }
}
