/**
 * Partner attribution for the Azure SDK for Java: the pipeline policy, the client factory and zero-code mode (a
 * provider azure-core finds through the service loader).
 */
module io.github.partnerattribution.azurecore {
    requires transitive io.github.partnerattribution.core;
    requires transitive com.azure.core;
    // The ARM helpers of AttributedClientFactory, only when the application has the management libraries.
    requires static com.azure.core.management;
    requires static com.azure.resourcemanager;

    exports io.github.partnerattribution.azurecore;
    // Shared support for this project's own modules; not API.
    exports io.github.partnerattribution.azurecore.support to
            io.github.partnerattribution.operations,
            io.github.partnerattribution.spring,
            io.github.partnerattribution.agent;

    provides com.azure.core.http.policy.BeforeRetryPolicyProvider
            with io.github.partnerattribution.azurecore.internal.EnvironmentAttributionPolicyProvider;
}
