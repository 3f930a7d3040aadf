package io.github.partnerattribution.azurecore.support;

import io.github.partnerattribution.core.Attribution;

/**
 * Where zero-code mode reads its configuration: {@link Attribution#fromEnvironment()}, unless a host with its own
 * configuration (the Spring Boot starter, from the Spring {@code Environment}) installed one. Once per JVM, as the
 * provider is; the host removes what it installed when it stops. Not API: exported to this project's Spring Boot starter
 * and operations module only.
 */
public final class ZeroCodeSettings {
    /**
     * The class that {@code META-INF/services/com.azure.core.http.policy.HttpPipelinePolicyProvider} names, for the
     * doctor, which looks for that line without loading the class.
     */
    public static final String PROVIDER = "io.github.partnerattribution.azurecore.internal.EnvironmentAttributionPolicyProvider";

    private static volatile Attribution installed;

    private ZeroCodeSettings() {
    }

    /** Makes zero-code mode use {@code attribution} for every pipeline built from now on. */
    public static synchronized void install(Attribution attribution) {
        if (attribution == null) {
            throw new NullPointerException("attribution must not be null");
        }
        installed = attribution;
    }

    /** Removes {@code attribution} if it is the one installed (a later host's stays). */
    public static synchronized void remove(Attribution attribution) {
        if (installed == attribution) {
            installed = null;
        }
    }

    /** The configuration for the next pipeline: the installed one, else the process's. */
    public static Attribution current() {
        Attribution host = installed;
        return host != null ? host : Attribution.fromEnvironment();
    }
}
