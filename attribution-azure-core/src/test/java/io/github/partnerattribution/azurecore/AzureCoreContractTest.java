package io.github.partnerattribution.azurecore;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.RedirectPolicy;
import com.azure.core.http.policy.RetryPolicy;
import com.azure.core.util.Context;
import io.github.partnerattribution.core.Attribution;
import io.github.partnerattribution.test.ArmEmulator;
import io.github.partnerattribution.test.AttributionContract;

/** The attribution contract through {@link PartnerAttributionPolicy} in a real azure-core pipeline. */
abstract class AzureCoreContractTest extends AttributionContract {
    abstract ArmTestClients client();

    @Override
    protected Transport transport(Attribution attribution, ArmEmulator arm) {
        HttpPipeline pipeline = new HttpPipelineBuilder()
                .httpClient(client().httpClient(arm))
                .policies(PartnerAttributionPolicy.create(attribution), new RetryPolicy(ArmTestClients.FAST_RETRIES),
                        new RedirectPolicy())
                .build();
        return (path, userAgent) -> {
            HttpRequest request = new HttpRequest(HttpMethod.GET, arm.endpoint() + path.substring(1));
            if (userAgent != null) {
                request.setHeader(HttpHeaderName.USER_AGENT, userAgent);
            }
            try (HttpResponse response = pipeline.sendSync(request, Context.NONE)) {
                return response.getStatusCode();
            }
        };
    }
}
