package io.github.partnerattribution.agent.internal;

import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.policy.HttpPipelinePolicy;
import java.util.List;

/**
 * The source of the {@code build()} the agent gives azure-core's {@code HttpPipelineBuilder}: {@link Rewriter} copies
 * this class's {@link #build()} into it, every reference to this class turned into one to the builder, and renames the
 * builder's own {@code build()} to {@link #partnerAttribution$build()}. While the original runs, the builder holds the
 * agent's list (its policies and the agent's last); then its own list again, so a builder built twice gets one policy
 * per pipeline. Whatever reaching the agent throws, the pipeline is built as if it were absent. It reaches the agent
 * through the entry class, by name, since it runs in azure-core's class loader. Not API; never loaded.
 */
abstract class BuildTemplate {
    /** Stands for the builder's field of the same name and type. */
    private List<HttpPipelinePolicy> pipelinePolicies;

    /** Stands for the builder's own {@code build()}, renamed. */
    private HttpPipeline partnerAttribution$build() {
        return null;
    }

    @SuppressWarnings("unchecked")
    public HttpPipeline build() {
        List<HttpPipelinePolicy> own = pipelinePolicies;
        Object attributed;
        try {
            attributed = Class.forName("io.github.partnerattribution.agent.AttributionAgent", false,
                    ClassLoader.getSystemClassLoader()).getMethod("policiesFor", Class.class, List.class)
                    .invoke(null, HttpPipelineBuilder.class, own);
        } catch (Throwable agentUnreachable) {
            attributed = null;
        }
        if (!(attributed instanceof List)) {
            return partnerAttribution$build();
        }
        pipelinePolicies = (List<HttpPipelinePolicy>) attributed;
        try {
            return partnerAttribution$build();
        } finally {
            pipelinePolicies = own;
        }
    }
}
