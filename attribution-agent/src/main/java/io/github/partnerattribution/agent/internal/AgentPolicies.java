package io.github.partnerattribution.agent.internal;

import io.github.partnerattribution.azurecore.support.ZeroCodeSettings;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Loaded once per azure-core, in that azure-core's {@link BridgeLoader}: zero-code mode's policy for the next pipeline,
 * as {@code HttpPipelinePolicy} of that azure-core, or null when nothing is to be attributed (the settings decide and
 * are reported as zero-code mode reports them). Not API.
 */
public final class AgentPolicies implements Function<Predicate<String>, Object> {
    /** How messages name the agent. */
    static final String MODE = "Java agent";
    /** How the doctor names the agent's path. */
    static final String VIA = "the Java agent";

    /** Made by the installer, reflectively, in the bridge loader. */
    public AgentPolicies() {
    }

    /** @param hosts unused: every Azure SDK pipeline is attributed, whatever its host, as in zero-code mode */
    @Override
    public Object apply(Predicate<String> hosts) {
        return ZeroCodeSettings.policy(MODE, VIA);
    }
}
