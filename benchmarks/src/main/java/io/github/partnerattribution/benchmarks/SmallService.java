package io.github.partnerattribution.benchmarks;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.UserAgentPolicy;
import com.azure.core.util.Context;

/**
 * A small service for {@link AgentStartup}: builds one azure-core pipeline, sends one request (answered from memory)
 * and prints the User-Agent it carried, so the run can tell attributed from not.
 */
final class SmallService {
    private SmallService() {
    }

    public static void main(String[] args) {
        HttpResponse response = new HttpPipelineBuilder().httpClient(new PipelineBenchmark.MemoryClient())
                .policies(new UserAgentPolicy("contoso-service")).build()
                .sendSync(new HttpRequest(HttpMethod.GET, PipelineBenchmark.URL), Context.NONE);
        System.out.println(response.getRequest().getHeaders().getValue(HttpHeaderName.USER_AGENT));
    }
}
