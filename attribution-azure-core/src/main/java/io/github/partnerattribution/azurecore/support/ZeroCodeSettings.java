package io.github.partnerattribution.azurecore.support;

import com.azure.core.http.policy.HttpPipelinePolicy;
import io.github.partnerattribution.azurecore.internal.ZeroCodePolicy;
import io.github.partnerattribution.core.Attribution;

/**
 * Where zero-code mode reads its configuration: {@link Attribution#fromEnvironment()}, unless a host with its own
 * configuration (the Spring Boot starter, from the Spring {@code Environment}) installed one. Once per JVM, as the
 * provider is; the host removes what it installed when it stops. Not API: exported to this project's Spring Boot starter,
 * operations module and Java agent only.
 */
public final class ZeroCodeSettings {
    /**
     * The class that {@code META-INF/services/com.azure.core.http.policy.HttpPipelinePolicyProvider} names, for the
     * doctor, which looks for that line without loading the class.
     */
    public static final String PROVIDER = "io.github.partnerattribution.azurecore.internal.EnvironmentAttributionPolicyProvider";

    /** How the doctor names zero-code mode when the process's own settings drive it. */
    public static final String VIA_ENVIRONMENT = "zero-code mode";

    private static volatile Installed installed;

    /** A host's configuration, with the host's name. */
    private static final class Installed {
        final Attribution attribution;
        final String host;

        Installed(Attribution attribution, String host) {
            this.attribution = attribution;
            this.host = host;
        }
    }

    private ZeroCodeSettings() {
    }

    /**
     * Makes zero-code mode use {@code attribution} for every pipeline built from now on.
     *
     * @param attribution the host's configuration
     * @param host how the doctor names the path, such as {@code the Spring Boot starter (zero-code mode)}
     */
    public static synchronized void install(Attribution attribution, String host) {
        if (attribution == null || host == null) {
            throw new NullPointerException("attribution and host must not be null");
        }
        installed = new Installed(attribution, host);
    }

    /** Removes {@code attribution} if it is the one installed (a later host's stays). */
    public static synchronized void remove(Attribution attribution) {
        Installed current = installed;
        if (current != null && current.attribution == attribution) {
            installed = null;
        }
    }

    /** The configuration for the next pipeline: the installed one, else the process's. */
    public static Attribution current() {
        Installed host = installed;
        return host != null ? host.attribution : Attribution.fromEnvironment();
    }

    /** {@return how the doctor names the path of {@link #current()}: the host's name, else {@value #VIA_ENVIRONMENT}} */
    public static String via() {
        Installed host = installed;
        return host != null ? host.host : VIA_ENVIRONMENT;
    }

    /**
     * Zero-code mode's policy for the next pipeline, or null when it attributes nothing: a malformed setting is
     * reported once per JVM at error level, an inactive one (no id, or the customer opted out) as
     * {@link Reports#settingsOf} reports it, and an active one once at info level.
     *
     * @param mode how the messages name the mechanism, such as {@code zero-code mode} or {@code Java agent}
     * @param via how the doctor names the path, such as {@link #via()}
     */
    public static HttpPipelinePolicy policy(String mode, String via) {
        Attribution attribution;
        try {
            attribution = current();
        } catch (RuntimeException invalid) {
            Reports.errorOnce("Partner attribution (" + mode + ") is off for every client of this JVM: "
                    + invalid.getMessage() + " Correct or unset the setting; until then no pid- token is sent.");
            return null;
        }
        if (!attribution.isActive()) {
            Reports.settingsOf(attribution);
            return null;
        }
        Reports.infoOnce("Partner attribution (" + mode + ") is active for the Azure clients of this JVM: "
                + attribution.partnerId() + " from the " + attribution.source() + ".");
        return ZeroCodePolicy.of(attribution, via);
    }
}
