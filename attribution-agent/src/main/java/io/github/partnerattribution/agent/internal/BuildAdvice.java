package io.github.partnerattribution.agent.internal;

import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.policy.HttpPipelinePolicy;
import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.asm.Advice;

/**
 * The code the agent adds to azure-core's {@code HttpPipelineBuilder.build()}: the agent's policy is the builder's
 * last while the pipeline is built, then the builder's list is as it was (a builder built twice gets one policy per
 * pipeline). It runs inside azure-core's class, so it reaches the agent through the entry class by name, and it
 * suppresses whatever it throws: the pipeline is then built as if the agent were absent. Not API; never loaded.
 */
final class BuildAdvice {
    private BuildAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static Object[] enter(
            @Advice.FieldValue(value = "pipelinePolicies", readOnly = false) List<HttpPipelinePolicy> policies)
            throws Exception {
        Object policy = Class.forName("io.github.partnerattribution.agent.AttributionAgent", false,
                ClassLoader.getSystemClassLoader()).getMethod("policyFor", Class.class, List.class)
                .invoke(null, HttpPipelineBuilder.class, policies);
        if (!(policy instanceof HttpPipelinePolicy)) {
            return null;
        }
        boolean created = policies == null;
        if (created) {
            policies = new ArrayList<>();
        }
        policies.add((HttpPipelinePolicy) policy);
        return new Object[] {policy, created};
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter Object[] added,
            @Advice.FieldValue(value = "pipelinePolicies", readOnly = false) List<HttpPipelinePolicy> policies) {
        if (added == null || policies == null) {
            return;
        }
        if (Boolean.TRUE.equals(added[1])) {
            policies = null;
            return;
        }
        for (int i = policies.size() - 1; i >= 0; i--) {
            if (policies.get(i) == added[0]) {
                policies.remove(i);
                return;
            }
        }
    }
}
