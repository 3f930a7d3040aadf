package io.github.partnerattribution.azurecore.internal;

import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.policy.HttpPipelinePolicy;
import io.github.partnerattribution.azurecore.PartnerAttributionPolicy;
import java.util.ArrayList;
import java.util.List;

/** Rebuilds a finished pipeline with one more policy, everything else kept. Not API. */
public final class Pipelines {
    private Pipelines() {
    }

    /**
     * The pipeline with {@code policy} placed right after its last User-Agent policy (azure-core's, or
     * azure-resourcemanager's own), or last when it has none, so that it sees the header as the SDK set it. The
     * other policies, their order, the HTTP client and the tracer are kept. A pipeline that already holds a
     * {@link PartnerAttributionPolicy} is returned as it is.
     */
    public static HttpPipeline withPolicy(HttpPipeline pipeline, HttpPipelinePolicy policy) {
        List<HttpPipelinePolicy> policies = new ArrayList<>(pipeline.getPolicyCount() + 1);
        int insertAt = -1;
        for (int i = 0; i < pipeline.getPolicyCount(); i++) {
            HttpPipelinePolicy p = pipeline.getPolicy(i);
            if (p instanceof PartnerAttributionPolicy) {
                return pipeline;
            }
            if (isUserAgentPolicy(p)) {
                insertAt = i + 1;
            }
            policies.add(p);
        }
        policies.add(insertAt < 0 ? policies.size() : insertAt, policy);
        return new HttpPipelineBuilder()
                .httpClient(pipeline.getHttpClient())
                .tracer(pipeline.getTracer())
                .policies(policies.toArray(new HttpPipelinePolicy[0]))
                .build();
    }

    /** azure-core's {@code UserAgentPolicy} and azure-resourcemanager's, which share only the name. */
    static boolean isUserAgentPolicy(HttpPipelinePolicy policy) {
        return policy.getClass().getSimpleName().equals("UserAgentPolicy");
    }
}
